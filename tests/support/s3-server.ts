// The S3-compatible server of a test run: s3rver (pure JavaScript, from npm), on a free loopback
// port, keeping its objects under `directory`. scripts/test.mjs starts it once and hands its
// address to Vitest and Playwright as TEST_S3_ENDPOINT; each suite makes buckets of its own.
// Known gaps of s3rver 3.7 that the tests stay clear of: a listing truncated by MaxKeys (or past
// 1,000 keys) fails, as its continuation token uses DES, which OpenSSL 3 no longer offers; it
// neither lists nor aborts multipart uploads (the store tolerates both, see lib/storage/s3.ts).
import S3rver from "s3rver";

/** s3rver's fixed account: it checks every request's signature against these. */
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3Server({ directory }: { directory: string }): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
