// Mints the simulator's development certificate once (loopback names only) and reuses it afterwards.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { X509Certificate } from 'node:crypto';
import selfsigned from 'selfsigned';

const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

export async function ensureDevCertificate(dir = process.env.SIMULATOR_CERT_DIR ?? resolve('data', 'dev-cert')) {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  if (existsSync(certPath) && existsSync(keyPath) && !expiresSoon(certPath)) return { certPath, keyPath };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = new Date();
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'Shared Mailbox Bot simulator (development)' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
    ],
  });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  writeFileSync(certPath, pems.cert);
  return { certPath, keyPath };
}

function expiresSoon(certPath) {
  const cert = new X509Certificate(readFileSync(certPath));
  return new Date(cert.validTo).getTime() - Date.now() < RENEW_BEFORE_MS;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { certPath } = await ensureDevCertificate();
  console.log(certPath);
}
