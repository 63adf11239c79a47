import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received. */
export interface MistralRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    [key: string]: unknown;
  };
}

/** How the fake answers one request: a completion with `content`, or an error `status`; optionally late. */
export interface MistralReply {
  content?: string;
  status?: number;
  delayMs?: number;
}

/**
 * A loopback stand-in for Mistral's `POST /v1/chat/completions`, answering with the real response shape
 * so the real SDK can be driven against it. Replies are queued; when the queue is empty it answers `fallback`.
 */
export class FakeMistral {
  readonly requests: MistralRequest[] = [];
  private replies: MistralReply[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    private fallback: MistralReply,
  ) {}

  static async start(
    fallback: MistralReply = { content: 'No facts were given. This summary is not a diagnosis.' },
  ): Promise<FakeMistral> {
    const server = createServer();
    const fake = new FakeMistral(server, fallback);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: MistralRequest['body'] = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as MistralRequest['body'];
        } catch {
          body = {};
        }
        fake.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        fake.answer(res, req.url ?? '', body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues the next replies (in order) and forgets earlier requests. */
  reply(...replies: MistralReply[]): void {
    this.replies = replies;
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(res: ServerResponse, path: string, body: MistralRequest['body']): void {
    const reply = this.replies.shift() ?? this.fallback;
    const send = () => {
      if (path !== '/v1/chat/completions') return this.json(res, 404, { detail: 'Not Found' });
      if (reply.status && reply.status !== 200) {
        return this.json(res, reply.status, {
          object: 'error',
          message: `fake error ${reply.status}`,
          type: 'fake_error',
          code: String(reply.status),
        });
      }
      const content = reply.content ?? '';
      this.json(res, 200, {
        id: `cmpl-${this.requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model ?? 'unknown',
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
      });
    };
    if (!reply.delayMs) return send();
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!res.destroyed) send();
    }, reply.delayMs);
    this.timers.add(t);
  }

  private json(res: ServerResponse, status: number, payload: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }
}
