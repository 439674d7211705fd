// A SaaS application's SCIM 2.0 endpoint for Tenure's tests: Better Auth with its SCIM plugin, in memory.
// Usage: PORT=... SCIM_TOKEN=... node better-auth-server.mjs  (SCIM at http://127.0.0.1:PORT/api/auth/scim/v2)
import http from "node:http";
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { toNodeHandler } from "better-auth/node";
import { scim } from "@better-auth/scim";

const port = Number(process.env.PORT ?? 0);
const token = process.env.SCIM_TOKEN;
if (!port || !token) {
  console.error("PORT and SCIM_TOKEN are required");
  process.exit(2);
}
const baseURL = `http://127.0.0.1:${port}`;
const db = {};
const auth = betterAuth({
  baseURL,
  secret: "tenure-test-only-secret-not-for-production-0123456789",
  database: memoryAdapter(db),
  plugins: [scim({ connections: [{ id: "tenure", credentials: [{ type: "bearer", id: "tenure", token }] }] })],
});
// The memory adapter needs every table to exist before the first request.
for (const table of Object.values((await auth.$context).tables)) {
  db[table.modelName] ??= [];
}
http.createServer(toNodeHandler(auth)).listen(port, "127.0.0.1", () => {
  console.log(`better-auth scim listening on ${baseURL}/api/auth/scim/v2`);
});
