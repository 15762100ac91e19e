import { describe, expect, it } from '@jest/globals';
import { specProblems } from '../support/slack-spec.js';

describe('the Slack Web API spec check used by the Slack tests', () => {
  it('flags unknown methods and missing required or one-of arguments', () => {
    expect(specProblems({ method: 'chat.postMesage', args: { channel: 'C1', text: 'x' } })).toEqual(['chat.postMesage is not a Slack Web API method']);
    expect(specProblems({ method: 'chat.update', args: { channel: 'C1', text: 'x' } })).toEqual(['chat.update needs ts']);
    expect(specProblems({ method: 'chat.postMessage', args: { channel: 'C1' } })).toEqual(['chat.postMessage needs one of text, blocks, attachments']);
    expect(specProblems({ method: 'views.publish', args: { view: '{}' } })).toEqual(['views.publish needs user_id']);
  });

  it('flags an action_id used twice in a message or view', () => {
    const button = (id: string) => ({ type: 'button', action_id: id, text: { type: 'plain_text', text: 'x' } });
    const twice = JSON.stringify([{ type: 'actions', elements: [button('approve')] }, { type: 'actions', elements: [button('approve')] }]);
    expect(specProblems({ method: 'views.publish', args: { user_id: 'U1', view: JSON.stringify({ type: 'home', blocks: JSON.parse(twice) }) } })).toEqual(['views.publish repeats action_id approve']);
    expect(specProblems({ method: 'chat.postMessage', args: { channel: 'C1', text: 'x', blocks: twice } })).toEqual(['chat.postMessage repeats action_id approve']);
    const once = JSON.stringify([{ type: 'actions', elements: [button('approve:1')] }, { type: 'actions', elements: [button('approve:2')] }]);
    expect(specProblems({ method: 'chat.postMessage', args: { channel: 'C1', text: 'x', blocks: once } })).toEqual([]);
  });

  it('accepts well-formed calls', () => {
    expect(specProblems({ method: 'chat.postMessage', args: { channel: 'C1', text: 'x' } })).toEqual([]);
    expect(specProblems({ method: 'conversations.open', args: { users: 'U1' } })).toEqual([]);
  });
});
