import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Socket } from 'node:net';

export interface WebSocketReader {
  close(): void;
}

const TEXT = 0x1;
const CLOSE = 0x8;
const PING = 0x9;

/**
 * A read-only WebSocket client (RFC 6455) over `node:http`'s upgrade: Node 20 has no global WebSocket,
 * and the Playground's own client library is bundled out of reach. It reads text messages and answers
 * pings; it never sends data, which is all a listener on the Playground's conversation stream needs.
 */
export function readWebSocket(url: string, onText: (text: string) => void): Promise<WebSocketReader> {
  return new Promise((resolve, reject) => {
    const target = new URL(url.replace(/^ws/, 'http'));
    const req = request(target, {
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': randomBytes(16).toString('base64') },
    });
    req.once('response', (res) => {
      res.resume();
      reject(new Error(`${url} answered ${res.statusCode} instead of switching to WebSocket`));
    });
    req.once('error', reject);
    req.once('upgrade', (_res, socket: Socket, head: Buffer) => {
      let buffered = head;
      let message: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        for (let frame = nextFrame(buffered); frame; frame = nextFrame(buffered)) {
          buffered = buffered.subarray(frame.length);
          if (frame.opcode === PING) socket.write(maskedFrame(0xa, frame.payload));
          else if (frame.opcode === CLOSE) socket.end(maskedFrame(CLOSE, Buffer.alloc(0)));
          else if (frame.opcode === TEXT || frame.opcode === 0) {
            message.push(frame.payload);
            if (frame.final) {
              onText(Buffer.concat(message).toString('utf8'));
              message = [];
            }
          }
        }
      });
      socket.on('error', () => socket.destroy());
      resolve({ close: () => void socket.destroy() });
    });
    req.end();
  });
}

interface Frame {
  readonly final: boolean;
  readonly opcode: number;
  readonly payload: Buffer;
  readonly length: number;
}

/** The first complete server frame in `data` (servers never mask), or undefined until more arrives. */
function nextFrame(data: Buffer): Frame | undefined {
  if (data.length < 2) return undefined;
  const short = data[1]! & 0x7f;
  const header = short === 126 ? 4 : short === 127 ? 10 : 2;
  if (data.length < header) return undefined;
  const size = short === 126 ? data.readUInt16BE(2) : short === 127 ? Number(data.readBigUInt64BE(2)) : short;
  if (data.length < header + size) return undefined;
  return { final: (data[0]! & 0x80) !== 0, opcode: data[0]! & 0x0f, payload: data.subarray(header, header + size), length: header + size };
}

/** Clients must mask what they send; only short control frames are ever sent here. */
function maskedFrame(opcode: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | payload.length]), mask, masked]);
}
