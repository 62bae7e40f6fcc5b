import { parseClientMessage } from './client-message';

describe('parseClientMessage: what a client may send', () => {
  it('passes subscribe and unsubscribe through, data unchecked', () => {
    expect(parseClientMessage('{"event":"subscribe","data":{"securities":["SEC-0001"]}}')).toEqual({
      event: 'subscribe',
      data: { securities: ['SEC-0001'] },
    });
    expect(parseClientMessage('{"event":"unsubscribe"}')).toEqual({
      event: 'unsubscribe',
      data: undefined,
    });
  });

  it('turns everything else into an invalid message that says why', () => {
    const reason = (text: string) => {
      const parsed = parseClientMessage(text);
      return parsed.event === 'invalid' ? parsed.data.message : null;
    };
    expect(reason('subscribe SEC-0001')).toBe('a message must be JSON, got "subscribe SEC-0001"');
    expect(reason('x'.repeat(100))).toBe(`a message must be JSON, got "${'x'.repeat(40)}..."`);
    expect(reason('[1,2]')).toBe(
      'a message must be a JSON object: {"event": "subscribe", "data": {...}}',
    );
    expect(reason('null')).toBe(
      'a message must be a JSON object: {"event": "subscribe", "data": {...}}',
    );
    expect(reason('{"data":{}}')).toBe(
      'a message must name its event: {"event": "subscribe", "data": {...}}',
    );
    expect(reason('{"event":"play"}')).toBe(
      'event must be one of subscribe, unsubscribe, got "play"',
    );
  });
});
