import { BaseProperty, type PropertyType } from 'adminjs';
import type { ColumnShape } from '../../infra/portal/table-shape.js';

/** One column of a table as the portal shows it (AdminJS's property types). */
export interface Column extends ColumnShape {
  type?: PropertyType;
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
