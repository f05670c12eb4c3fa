import { describe, expect, it } from "vitest";
import { isSecretKey, maskSecrets, maskValue } from "../src/util/mask-secrets.js";

describe("maskSecrets", () => {
  it.each([
    ["postgresql://app:secret@host:5432/db", "postgresql://app:***@host:5432/db"],
    ["redis://:hunter2@127.0.0.1:6380", "redis://:***@127.0.0.1:6380"],
    ["DATABASE_URL=postgresql://app:p@ss:w0rd@127.0.0.1:5433/app", "DATABASE_URL=postgresql://app:***@127.0.0.1:5433/app"],
    ["amqp://guest:guest@mq:5672 and https://u:x@example.com/path?q=1", "amqp://guest:***@mq:5672 and https://u:***@example.com/path?q=1"],
  ])("masks the password of a URL: %s", (text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  it.each([
    "postgresql://app@127.0.0.1:5432/db",
    "http://127.0.0.1:8080/login?next=/a@b",
    "https://100.123.51.5:9000/bucket",
  ])("keeps a URL without a password: %s", (text) => {
    expect(maskSecrets(text)).toBe(text);
  });

  it.each([
    ["API_TOKEN=tkn_9f8e@127.0.0.1:6390", "API_TOKEN=***"],
    ["export DB_PASSWORD='s3cr3t pass' # the dev one", "export DB_PASSWORD='***' # the dev one"],
    ['JWT_SECRET_KEY="abc', "JWT_SECRET_KEY=***"],
    ["  - POSTGRES_PASSWORD=pg-s3cret", "  - POSTGRES_PASSWORD=***"],
    ["      POSTGRES_PASSWORD: pg-s3cret", "      POSTGRES_PASSWORD: ***"],
    ["  db_password: 'pg s3cret'  # yes", "  db_password: '***'  # yes"],
    ['  "apiKey": "AIzaSy-123",', '  "apiKey": "***",'],
    ['{"user": "app", "clientSecret": "x\\"y", "port": 8000}', '{"user": "app", "clientSecret": "***", "port": 8000}'],
    ["const cfg = { apiKey: 'k-1', port: 3000 };", "const cfg = { apiKey: '***', port: 3000 };"],
    ["{token: abc123, port: 8000}", "{token: ***, port: 8000}"],
    ["SESSION_SECRET=two words", "SESSION_SECRET=***"],
    ["dev=DB_PASSWORD=x API_KEY=y node server.js --port 3000", "dev=DB_PASSWORD=*** API_KEY=*** node server.js --port 3000"],
    ["redis-server --requirepass hunter2 --port 6380", "redis-server --requirepass *** --port 6380"],
    ["app --token=abc --secret xyz -p 8000", "app --token=*** --secret *** -p 8000"],
  ])("masks the value of a secret-looking key: %s", (text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  it.each([
    "AUTH_URL=http://127.0.0.1:8080/oauth/token",
    "TOKEN_URL=http://127.0.0.1:8080/token",
    "SECRET_PORT=8092",
    "POSTGRES_PASSWORD_FILE=/run/secrets/pg",
    "  tokenizer: http://127.0.0.1:8500",
    "NEXT_PUBLIC_API_URL=http://100.123.51.5:8001",
    "KEY=value",
    "  key: value",
    "password: |",
  ])("keeps what names no secret: %s", (text) => {
    expect(maskSecrets(text)).toBe(text);
  });

  it("masks each line on its own and is idempotent", () => {
    const text = "APP_PORT=8000\nSECRET=abc\nREDIS_URL=redis://:pw@127.0.0.1:6379/0\n";
    const masked = maskSecrets(text);
    expect(masked).toBe("APP_PORT=8000\nSECRET=***\nREDIS_URL=redis://:***@127.0.0.1:6379/0\n");
    expect(maskSecrets(masked)).toBe(masked);
  });
});

describe("isSecretKey and maskValue", () => {
  it.each(["PASSWORD", "SECRET", "TOKEN", "API_KEY", "apiKey", "db_password", "dbPassword", "GITHUB_TOKEN", "SECRET_KEY_BASE", "x-api-key", "spring.datasource.password"])(
    "%s names a secret",
    (key) => expect(isSecretKey(key)).toBe(true),
  );
  it.each(["KEY", "PORT", "TOKEN_URL", "SECRET_PORT", "PASSWORD_FILE", "tokenizer", "monkey", "DATABASE_URL", "keycloak"])("%s does not", (key) =>
    expect(isSecretKey(key)).toBe(false),
  );
  it("masks a secret key's whole value, and only the URL password of another", () => {
    expect(maskValue("API_TOKEN", "tok@127.0.0.1:6390")).toBe("***");
    expect(maskValue("DATABASE_URL", "postgresql://app:pw@127.0.0.1:5432/app")).toBe("postgresql://app:***@127.0.0.1:5432/app");
    expect(maskValue(undefined, "127.0.0.1:5432")).toBe("127.0.0.1:5432");
  });
});
