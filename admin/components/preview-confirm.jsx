import React, { useEffect, useState } from 'react';
import { ApiClient, useNotice } from 'adminjs';
import { Box, Button, Text, Label, Input, TextArea, Table, TableHead, TableBody, TableRow, TableCell, MessageBox, Loader } from '@adminjs/design-system';

const api = new ApiClient();

/**
 * Two-step actions (assign masters, apply an extension, imports, verify chain): fill the form,
 * preview what will happen (nothing changes), then confirm. The server does every check.
 */
const PreviewConfirm = ({ resource, record, action }) => {
  const sendNotice = useNotice();
  const [form, setForm] = useState(null);
  const [values, setValues] = useState({});
  const [preview, setPreview] = useState(null);
  const [done, setDone] = useState(null);
  const [busy, setBusy] = useState(false);

  const call = (data) => (record
    ? api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, method: 'post', data })
    : api.resourceAction({ resourceId: resource.id, actionName: action.name, method: 'post', data })).then((res) => res.data);

  const run = async (mode) => {
    setBusy(true);
    try {
      const data = await call({ ...values, mode });
      if (data.notice) sendNotice(data.notice);
      if (mode === 'apply' && data.done) { setDone(data.done); setPreview(null); } else setPreview(data.preview ?? null);
    } catch (e) {
      setPreview({ message: e.response?.data?.message ?? e.message, columns: [], rows: [], blocked: true });
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    call({ mode: 'describe' }).then((data) => {
      setForm(data.form);
      if (data.form?.autoPreview) run('preview');
    });
  }, []);

  if (!form) return <Loader />;
  return (
    <Box p="xl" bg="white" data-testid="preview-confirm">
      <Text mb="lg" style={{ whiteSpace: 'pre-wrap' }}>{form.intro}</Text>
      {form.fields.map((f) => (
        <Box key={f.name} mb="lg">
          <Label htmlFor={f.name}>{f.label}</Label>
          {f.multiline
            ? <TextArea id={f.name} name={f.name} rows={10} width={1} placeholder={f.placeholder} value={values[f.name] ?? ''} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />
            : <Input id={f.name} name={f.name} width={1} placeholder={f.placeholder} value={values[f.name] ?? ''} onChange={(e) => setValues({ ...values, [f.name]: e.target.value })} />}
        </Box>
      ))}
      {form.fields.length > 0 && <Button type="button" mb="lg" disabled={busy} onClick={() => run('preview')}>Preview</Button>}
      {busy && <Loader />}
      {done && <MessageBox data-testid="done" variant="success" message={done} />}
      {preview && (
        <Box data-testid="preview">
          <MessageBox variant={preview.blocked ? 'danger' : 'info'} message={preview.message} mb="lg" />
          {preview.rows.length > 0 && (
            <Table mb="lg">
              <TableHead><TableRow>{preview.columns.map((c) => <TableCell key={c}>{c}</TableCell>)}</TableRow></TableHead>
              <TableBody>{preview.rows.map((r, i) => <TableRow key={i}>{r.map((v, j) => <TableCell key={j}>{v}</TableCell>)}</TableRow>)}</TableBody>
            </Table>
          )}
          {!preview.blocked && <Button type="button" variant="contained" disabled={busy} onClick={() => run('apply')}>{form.confirmLabel}</Button>}
        </Box>
      )}
    </Box>
  );
};

export default PreviewConfirm;
