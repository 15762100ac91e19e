import { BaseProperty, type PropertyType } from 'adminjs';

/** One column of a table as the portal shows it. */
export interface Column {
  path: string;
  type?: PropertyType;
  /** The resource id this column points at (a foreign key). */
  reference?: string;
  isId?: boolean;
  isArray?: boolean;
  /** Values the column may take (a CHECK constraint): shown as a select and filtered exactly. */
  values?: readonly string[];
  /** Written by the portal? Ids, timestamps and computed columns are not. */
  editable?: boolean;
  /** A jsonb column, edited as JSON text. */
  json?: boolean;
  /** Not a table column: computed by the resource (e.g. the RAG, a download link). */
  virtual?: boolean;
  isTitle?: boolean;
}

/** Adapts a Column to AdminJS's property interface. */
export class ColumnProperty extends BaseProperty {
  constructor(readonly column: Column, position: number) {
    super({
      path: column.path,
      type: column.type ?? (column.reference ? 'reference' : column.json ? 'textarea' : 'string'),
      isId: column.isId ?? false,
      isSortable: !column.virtual && !column.json && !column.isArray,
      position,
    });
  }

  override reference(): string | null {
    return this.column.reference ?? null;
  }

  override availableValues(): string[] | null {
    return this.column.values ? [...this.column.values] : null;
  }

  override isArray(): boolean {
    return this.column.isArray ?? false;
  }

  override isEditable(): boolean {
    return this.column.editable ?? !(this.column.isId || this.column.virtual);
  }

  override isTitle(): boolean {
    return this.column.isTitle ?? false;
  }
}
