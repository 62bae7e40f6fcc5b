import Fastify, { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import pino from 'pino';
import { registerHttpManners } from '../src/app/http/http-manners';
import { DeclaredQueryParameters } from '../src/app/http/query-parameters';

/** A download whose source fails before its first byte, as a COPY does when its server stops. */
function failingDownload(): Readable {
  return new Readable({
    read() {
      this.destroy(Object.assign(new Error('terminating connection'), { code: '57P01' }));
    },
  });
}

describe('a streamed answer that fails before its first byte', () => {
  let fastify: FastifyInstance;

  beforeAll(async () => {
    fastify = Fastify();
    await registerHttpManners(fastify, {
      logger: pino({ level: 'silent' }),
      corsOrigins: [],
      declaredQueries: new DeclaredQueryParameters(),
      instance: 'test',
      dataVersion: () => '1',
    });
    fastify.get('/ticks.csv', (_request, reply) =>
      reply
        .header('content-type', 'text/csv')
        .header('content-disposition', 'attachment; filename="ticks.csv"')
        .send(failingDownload()),
    );
    await fastify.ready();
  });
  afterAll(() => fastify.close());

  it.each(['gzip', 'br', 'identity'])(
    'answers an error whose headers describe its own body (Accept-Encoding: %s)',
    async (coding) => {
      const res = await fastify.inject({
        url: '/ticks.csv',
        headers: { 'accept-encoding': coding },
      });
      expect(res.statusCode).toBe(500);
      // Not the download's Content-Encoding or file name: a client would fail to decode the body.
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.json()).toMatchObject({ statusCode: 500 });
    },
  );
});
