// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
// A real OpenID Connect provider (panva/oidc-provider, OpenID Certified) for Welkom's tests.
//
// Usage: node server.mjs <config.json>
// The config lists providers: [{ "name", "clients": [...], "accounts": { "<sub>": {claims} },
// "api": { "audience", "claims": { "<client_id>": {claims} } } }]. With "api", clients may get
// JWT access tokens (RFC 9068) for that audience by the client credentials grant, carrying the
// claims listed for them (a municipality's own tools calling Welkom's API).
// Each provider listens on its own loopback port (issuer http://127.0.0.1:<port>); when all are
// up, one JSON line {"<name>": "<issuer>", ...} is written to stdout.
//
// Sign-in is non-interactive so tests can follow redirects with an HTTP client: the login
// interaction signs in the account named by the standard `login_hint` parameter (unknown
// hint: 400), and consent is granted for these first-party clients (loadExistingGrant).
// Without a `login_hint` it shows a login page, as a browser test needs: user name and the
// provider's "password" (every account's is the config's top-level "password"); a wrong
// password or "Cancel" ends the sign-in with `access_denied`, as a provider that refuses does.
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";

import Provider from "oidc-provider";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));

function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" };
}

async function listen(server) {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server.address().port;
}

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

async function formBody(req) {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function start(spec) {
  let provider;

  // The interactive login: a form (GET), then sign in or refuse (POST).
  async function loginPage(req, res, details) {
    if (req.method === "POST") {
      const form = await formBody(req);
      const user = form.get("username") ?? "";
      const ok = form.get("action") === "login" && spec.accounts[user] && form.get("password") === config.password;
      const result = ok
        ? { login: { accountId: user } }
        : { error: "access_denied", error_description: "The end-user did not sign in" };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      return;
    }
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Sign in at ${escape(spec.name)}</h1>
<form method="post" action="/interaction/${escape(details.uid)}">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username">
<label for="password">Password</label> <input id="password" name="password" type="password">
<button type="submit" name="action" value="login">Sign in</button>
<button type="submit" name="action" value="cancel">Cancel</button>
</form></main></body></html>`);
  }

  const server = http.createServer(async (req, res) => {
    try {
      if (req.url.startsWith("/interaction/")) {
        const details = await provider.interactionDetails(req, res);
        const hint = details.params.login_hint;
        if (hint === undefined && details.prompt.name === "login") {
          await loginPage(req, res, details);
          return;
        }
        if (details.prompt.name !== "login" || !spec.accounts[hint]) {
          res.statusCode = 400;
          res.end(`test provider: no test user for login_hint ${JSON.stringify(hint)}`);
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: hint } });
        return;
      }
      provider.callback()(req, res);
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  });
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const claimNames = [...new Set(Object.values(spec.accounts).flatMap((c) => Object.keys(c)))];
  provider = new Provider(issuer, {
    clients: spec.clients,
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomUUID()] },
    claims: { openid: ["sub"], profile: claimNames },
    conformIdTokenClaims: false, // scope claims (roles, name) in the ID token itself
    features: {
      devInteractions: { enabled: false },
      ...(spec.api && {
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: async () => spec.api.audience,
          useGrantedResource: async () => true,
          getResourceServerInfo: async (ctx, resource) => {
            if (resource !== spec.api.audience) throw new Error("unknown resource");
            return { scope: "api", audience: resource, accessTokenFormat: "jwt" };
          },
        },
      }),
    },
    extraTokenClaims: async (ctx, token) => spec.api?.claims?.[token.clientId],
    pkce: { required: () => true },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: async (ctx, sub) =>
      spec.accounts[sub] && {
        accountId: sub,
        claims: async () => ({ sub, ...spec.accounts[sub] }),
      },
    loadExistingGrant: async (ctx) => {
      const { Grant } = ctx.oidc.provider;
      const grant = new Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid profile");
      await grant.save();
      return grant;
    },
  });
  return [spec.name, issuer];
}

const issuers = Object.fromEntries(await Promise.all(config.providers.map(start)));
process.stdout.write(JSON.stringify(issuers) + "\n");
