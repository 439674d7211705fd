// A SaaS application's SCIM 2.0 endpoint for Tenure's tests: scimmy (a strict SCIM engine) behind express, with
// the storage callbacks it asks for kept in memory. Usage: PORT=... SCIM_TOKEN=... node scimmy-server.mjs
// (SCIM at http://127.0.0.1:PORT/scim/v2). Uniqueness of userName is enforced here (409), as SaaS apps do.
// With SCIM_DATA_FILE=<path> (the local demo) the users and groups are also written to that file after every change
// and read back at start, so they survive a restart.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

const port = Number(process.env.PORT ?? 0);
const token = process.env.SCIM_TOKEN;
if (!port || !token) {
  console.error("PORT and SCIM_TOKEN are required");
  process.exit(2);
}

// scimmy-routers also answers bulk and sort itself (and says so); no etags.
SCIMMY.Config.set({ patch: true, filter: { supported: true, maxResults: 200 } });
SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false);

const users = new Map();
const groups = new Map();
const dataFile = process.env.SCIM_DATA_FILE;

if (dataFile && existsSync(dataFile)) {
  const saved = JSON.parse(readFileSync(dataFile, "utf8"));
  for (const user of saved.users ?? []) users.set(user.id, user);
  for (const group of saved.groups ?? []) groups.set(group.id, group);
}

// Written whole to a temporary file and renamed over the old one, so a crash never leaves half a file.
function save() {
  if (!dataFile) return;
  writeFileSync(`${dataFile}.tmp`, JSON.stringify({ users: [...users.values()], groups: [...groups.values()] }));
  renameSync(`${dataFile}.tmp`, dataFile);
}

function conflict(detail) {
  return new SCIMMY.Types.Error(409, "uniqueness", detail);
}

function stored(kind, resource, map) {
  if (resource.id) {
    const found = map.get(resource.id);
    if (!found) throw new SCIMMY.Types.Error(404, null, `${kind} ${resource.id} not found`);
    return found;
  }
  const all = [...map.values()];
  return resource.filter ? resource.filter.match(all) : all;
}

function write(kind, resource, instance, map, unique) {
  const now = new Date();
  const existing = resource.id ? map.get(resource.id) : undefined;
  if (resource.id && !existing) throw new SCIMMY.Types.Error(404, null, `${kind} ${resource.id} not found`);
  const id = existing?.id ?? randomUUID();
  for (const other of map.values()) {
    if (other.id !== id && String(other[unique]).toLowerCase() === String(instance[unique]).toLowerCase()) {
      throw conflict(`${unique} ${instance[unique]} is already taken`);
    }
  }
  const record = {
    ...JSON.parse(JSON.stringify(instance)),
    id,
    meta: { created: existing?.meta?.created ?? now, lastModified: now },
  };
  map.set(id, record);
  save();
  return record;
}

SCIMMY.Resources.declare(SCIMMY.Resources.User)
  .egress((resource) => stored("User", resource, users))
  .ingress((resource, instance) => write("User", resource, instance, users, "userName"))
  .degress((resource) => {
    if (!users.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `User ${resource.id} not found`);
    for (const group of groups.values()) {
      group.members = (group.members ?? []).filter((m) => m.value !== resource.id);
    }
    save();
  });

SCIMMY.Resources.declare(SCIMMY.Resources.Group)
  .egress((resource) => stored("Group", resource, groups))
  .ingress((resource, instance) => write("Group", resource, instance, groups, "displayName"))
  .degress((resource) => {
    if (!groups.delete(resource.id)) throw new SCIMMY.Types.Error(404, null, `Group ${resource.id} not found`);
    save();
  });

const app = express();
app.use("/scim/v2", new SCIMMYRouters({
  type: "bearer",
  docUri: "https://example.test/scim-auth",
  handler: (request) => {
    if (request.header("Authorization") !== `Bearer ${token}`) {
      throw new Error("a valid bearer token is required");
    }
    return "tenure";
  },
}));
app.listen(port, "127.0.0.1", () => console.log(`scimmy listening on http://127.0.0.1:${port}/scim/v2`));
