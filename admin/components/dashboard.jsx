import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H2, H4, Text, Table, TableHead, TableBody, TableRow, TableCell, Loader } from '@adminjs/design-system';

const COLORS = { red: '#c0392b', amber: '#d68910', green: '#1e8449' };
const api = new ApiClient();
const itemUrl = (id) => `/admin/resources/compliance_instances/records/${id}/show`;

const Tile = ({ rag, count }) => (
  <Box data-rag={rag} flex flexDirection="column" alignItems="center" p="lg" mr="lg" bg="white" style={{ borderTop: `6px solid ${COLORS[rag]}`, minWidth: 140 }}>
    <Text fontSize={36} fontWeight="bold" style={{ color: COLORS[rag] }}>{count}</Text>
    <Text>{rag}</Text>
  </Box>
);

const Dot = ({ rag }) => <span title={rag} style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: COLORS[rag], marginRight: 6 }} />;

const Items = ({ title, items, empty }) => (
  <Box bg="white" p="lg" mt="lg">
    <H4>{title} ({items.length})</H4>
    {items.length === 0 ? <Text>{empty}</Text> : (
      <Table>
        <TableHead><TableRow><TableCell>Obligation</TableCell><TableCell>Entity</TableCell><TableCell>Period</TableCell><TableCell>Due</TableCell><TableCell>Status</TableCell></TableRow></TableHead>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.instanceId}>
              <TableCell><Dot rag={i.rag} /><a href={itemUrl(i.instanceId)}>{i.code}</a> {i.name}</TableCell>
              <TableCell>{i.entityName}{i.registration ? ` · ${i.registration}` : ''}</TableCell><TableCell>{i.periodKey}</TableCell><TableCell style={{ whiteSpace: 'nowrap' }}>{i.dueDate}</TableCell><TableCell style={{ whiteSpace: 'nowrap' }}>{i.status.replace('_', ' ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    )}
  </Box>
);

const TenantView = ({ d }) => (
  <Box>
    <H2>{d.tenant.name}: compliance at {d.tenant.today}</H2>
    <Box flex data-testid="rag-totals">{['red', 'amber', 'green'].map((rag) => <Tile key={rag} rag={rag} count={d.totals[rag]} />)}</Box>
    <Box bg="white" p="lg" mt="lg">
      <H4>By entity</H4>
      <Table data-testid="rag-by-entity">
        <TableHead><TableRow><TableCell>Entity</TableCell><TableCell>Red</TableCell><TableCell>Amber</TableCell><TableCell>Green</TableCell></TableRow></TableHead>
        <TableBody>
          {d.entities.map((e) => (
            <TableRow key={e.id}><TableCell>{e.name}</TableCell><TableCell>{e.red}</TableCell><TableCell>{e.amber}</TableCell><TableCell>{e.green}</TableCell></TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
    <Items title="Overdue" items={d.overdue} empty="Nothing overdue." />
    <Items title="Due in the next 14 days" items={d.next14} empty="Nothing due in the next 14 days." />
  </Box>
);

/** The portal's home page: RAG overall and per entity, overdue items, the next 14 days. */
const Dashboard = () => {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api.getDashboard().then((res) => setData(res.data)).catch((e) => setError(e.message));
  }, []);
  if (error) return <Box p="xl"><Text>Could not load the dashboard: {error}</Text></Box>;
  if (!data) return <Loader />;
  return (
    <Box p="xl" data-testid="dashboard">
      {data.kind === 'tenant' ? <TenantView d={data.dashboard} /> : data.tenants.map((t) => <Box key={t.tenant.id} mb="xl"><TenantView d={t} /></Box>)}
    </Box>
  );
};

export default Dashboard;
