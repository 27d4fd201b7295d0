// Code under test reaches the database through lib/db/client, which reads DATABASE_URL.
import { inject } from "vitest";
import { newEncryptionKeyring } from "../../lib/crypto/secret-box";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.GATEHOUSE_ENCRYPTION_KEYS ??= newEncryptionKeyring();
