import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H2, H4, Text, Table, TableHead, TableBody, TableRow, TableCell, Loader } from '@adminjs/design-system';
import { RAG_COLORS as COLORS } from './rag-badge';
import { StatusPill } from './status-badge';

const api = new ApiClient();
const ROOT = '/admin/resources';
const itemUrl = (id) => `${ROOT}/compliance_instances/records/${id}/show`;
/** The Items list with AdminJS's filter parameters (filters.<path>, filters.<path>~~from / ~~to for days). */
const itemsUrl = (filters) => `${ROOT}/compliance_instances?${new URLSearchParams(Object.entries(filters).map(([k, v]) => [`filters.${k}`, v])).toString()}`;
const outboxUrl = (status) => `${ROOT}/notifications?filters.status=${status}`;

/** What each tile counts, as the chat's status answer says it. */
const MEANING = { red: 'overdue', amber: 'due soon or rejected', green: 'on track or done' };

const Tile = ({ rag, count, href }) => (
  <a href={href} data-rag={rag} style={{ textDecoration: 'none' }}>
    <Box flex flexDirection="column" alignItems="center" p="lg" mr="lg" bg="white" style={{ borderTop: `6px solid ${COLORS[rag]}`, minWidth: 140 }}>
      <Text fontSize={36} fontWeight="bold" style={{ color: COLORS[rag] }}>{count}</Text>
      <Text>{MEANING[rag]}</Text>
    </Box>
  </a>
);

const Dot = ({ rag }) => <span title={rag} style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: COLORS[rag], marginRight: 6 }} />;

/** A list with its true count in the title ("61 overdue"); when cut short, says how many more there are and links to all of them. */
const Items = ({ testId, title, list, href, empty }) => {
  const more = list.total - list.items.length;
  return (
    <Box bg="white" p="lg" mt="lg" data-testid={testId}>
      <H4><a href={href} data-testid={`${testId}-count`}>{list.total} {title}</a></H4>
      {list.total === 0 ? <Text>{empty}</Text> : (
        <>
          <Table>
            <TableHead><TableRow><TableCell>Obligation</TableCell><TableCell>Entity</TableCell><TableCell>Period</TableCell><TableCell>Due</TableCell><TableCell>Status</TableCell></TableRow></TableHead>
            <TableBody>
              {list.items.map((i) => (
                <TableRow key={i.instanceId}>
                  <TableCell><Dot rag={i.rag} /><a href={itemUrl(i.instanceId)}>{i.name}</a></TableCell>
                  <TableCell>{i.entityName}{i.registration ? ` · ${i.registration}` : ''}</TableCell><TableCell>{i.period}</TableCell><TableCell style={{ whiteSpace: 'nowrap' }}>{i.due}</TableCell><TableCell><StatusPill status={i.status} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {more > 0 && <Text mt="default"><a href={href} data-testid={`${testId}-more`}>and {more} more</a></Text>}
        </>
      )}
    </Box>
  );
};

/** Failed (still retried) and dead (given up) messages of the outbox, each linking to their list. */
const Outbox = ({ n }) => (
  <Box bg="white" p="lg" mt="lg" data-testid="outbox">
    <H4>Notifications not delivered</H4>
    {n.failed + n.dead === 0 ? <Text>Every notification was delivered or is on its way.</Text> : (
      <Text>
        <a href={outboxUrl('failed')} data-testid="outbox-failed">{n.failed} failed</a> (retried automatically) ·{' '}
        <a href={outboxUrl('dead')} data-testid="outbox-dead">{n.dead} dead</a> (given up: open one and Retry)
      </Text>
    )}
  </Box>
);

const Count = ({ n, filters }) => (n > 0 ? <a href={itemsUrl(filters)}>{n}</a> : <>{n}</>);

const TenantView = ({ d }) => (
  <Box>
    <H2>{d.tenant.name}: compliance on {d.tenant.todayText}</H2>
    <Box flex data-testid="rag-totals">{['red', 'amber', 'green'].map((rag) => <Tile key={rag} rag={rag} count={d.totals[rag]} href={itemsUrl({ rag })} />)}</Box>
    <Items testId="overdue" title="overdue" list={d.overdue} href={itemsUrl({ rag: 'red' })} empty="Nothing overdue." />
    <Items testId="next14" title={`due in the next 14 days (today to ${d.next14.untilText})`} list={d.next14} empty="Nothing due in the next 14 days."
      href={itemsUrl({ open: 'true', 'due_date~~from': d.tenant.today, 'due_date~~to': d.next14.until })} />
    <Box bg="white" p="lg" mt="lg">
      <H4>By entity</H4>
      <Table data-testid="rag-by-entity">
        <TableHead><TableRow><TableCell>Entity</TableCell><TableCell>Red</TableCell><TableCell>Amber</TableCell><TableCell>Green</TableCell></TableRow></TableHead>
        <TableBody>
          {d.entities.map((e) => (
            <TableRow key={e.id}>
              <TableCell><a href={itemsUrl({ entity_id: e.id })}>{e.name}</a></TableCell>
              {['red', 'amber', 'green'].map((rag) => <TableCell key={rag}><Count n={e[rag]} filters={{ entity_id: e.id, rag }} /></TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
    <Outbox n={d.notifications} />
  </Box>
);

/** The portal's home page: RAG overall and per entity, overdue items, the next 14 days, undelivered notifications. */
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
