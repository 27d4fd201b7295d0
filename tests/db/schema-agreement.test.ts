// schema.prisma and the migrated database must describe the same tables: a change to one without the other
// fails here. Compared per model: table, columns (type, nullability, list-ness), unique constraints and
// foreign keys with their delete rules; and the enums with their labels. Partial unique indexes (WHERE …) are
// SQL-only and left out. Unique indexes on an expression, which schema.prisma cannot state either, are listed
// below (each with a comment on its field in schema.prisma) and compared with the database's.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import internals from "@prisma/internals";
import { withClient } from "../../lib/db/embedded";
import { testDatabaseUrl } from "../support/database";

type Model = Awaited<ReturnType<typeof internals.getDMMF>>["datamodel"]["models"][number];
type Field = Model["fields"][number];

// Prisma scalar (and native type) → PostgreSQL udt_name
function expectedType(field: Field, enums: Map<string, string>): string {
  if (field.kind === "enum") return enums.get(field.type)!;
  const native = field.nativeType?.[0];
  if (native) return ({ Uuid: "uuid", Timestamptz: "timestamptz", Date: "date", Inet: "inet", Decimal: "numeric" } as Record<string, string>)[native] ?? native;
  return ({ String: "text", Int: "int4", BigInt: "int8", Boolean: "bool", DateTime: "timestamp", Json: "jsonb", Bytes: "bytea", Decimal: "numeric", Float: "float8" } as Record<string, string>)[field.type]!;
}

const column = (field: Field) => field.dbName ?? field.name;

/** The unique indexes on an expression, per table, as PostgreSQL prints the expression (pg_get_expr). */
const EXPRESSION_UNIQUES: Record<string, string[]> = {
  tenants: ["lower(erp_customer_id)"], // ERP ids, whatever their case (migration 20261203170000)
};

describe("schema.prisma and the migrations", async () => {
  const dmmf = await internals.getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") });
  const models = dmmf.datamodel.models;
  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const byName = new Map(models.map((m) => [m.name, m]));
  const table = (m: Model) => m.dbName ?? m.name;

  const database = await withClient(testDatabaseUrl(), async (client) => {
    const columns = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; data_type: string }>(
      "SELECT table_name, column_name, udt_name, is_nullable, data_type FROM information_schema.columns WHERE table_schema = 'public'");
    const uniques = await client.query<{ table_name: string; columns: string[] }>(
      `SELECT t.relname AS table_name, array_agg(a.attname ORDER BY k.ord)::text[] AS columns
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public' AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
       GROUP BY t.relname, i.indexrelid`);
    const expressionUniques = await client.query<{ table_name: string; expression: string }>(
      `SELECT t.relname AS table_name, pg_get_expr(i.indexprs, i.indrelid) AS expression
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = 'public' AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NOT NULL`);
    const foreignKeys = await client.query<{ table_name: string; columns: string[]; referenced: string; referenced_columns: string[]; on_delete: string }>(
      `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS referenced,
         (SELECT array_agg(attname ORDER BY k.ord)::text[] FROM unnest(c.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute ON attrelid = c.conrelid AND attnum = k.n) AS columns,
         (SELECT array_agg(attname ORDER BY k.ord)::text[] FROM unnest(c.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute ON attrelid = c.confrelid AND attnum = k.n) AS referenced_columns,
         CASE c.confdeltype WHEN 'c' THEN 'Cascade' WHEN 'n' THEN 'SetNull' WHEN 'r' THEN 'Restrict' WHEN 'a' THEN 'NoAction' WHEN 'd' THEN 'SetDefault' END AS on_delete
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`);
    const enumTypes = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' GROUP BY t.typname`);
    return { columns: columns.rows, uniques: uniques.rows, expressionUniques: expressionUniques.rows, foreignKeys: foreignKeys.rows, enums: enumTypes.rows };
  });

  it("have the same tables", () => {
    const tables = new Set(database.columns.map((c) => c.table_name));
    tables.delete("_prisma_migrations");
    expect([...tables].sort()).toEqual(models.map(table).sort());
  });

  it("have the same enums, each with the same labels (@map names) in the same order", () => {
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(Object.fromEntries(database.enums.map((e) => [e.name, e.labels]))).toEqual(expected);
  });

  describe.each(models.map((m) => [m.name, m] as const))("%s", (_name, model) => {
    it("has the same columns, types and nullability", () => {
      const expected = model.fields.filter((f) => f.kind !== "object").map((f) => ({
        column: column(f), type: f.isList ? `_${expectedType(f, enums)}` : expectedType(f, enums), nullable: !f.isRequired && !f.isList,
      }));
      const actual = database.columns.filter((c) => c.table_name === table(model)).map((c) => ({
        column: c.column_name, type: c.udt_name, nullable: c.is_nullable === "YES",
      }));
      const sort = (rows: { column: string }[]) => [...rows].sort((a, b) => a.column.localeCompare(b.column));
      expect(sort(actual)).toEqual(sort(expected));
    });

    it("has the unique indexes on an expression listed for its table, and no other", () => {
      const actual = database.expressionUniques.filter((u) => u.table_name === table(model)).map((u) => u.expression).sort();
      expect(actual).toEqual([...(EXPRESSION_UNIQUES[table(model)] ?? [])].sort());
    });

    it("has the same unique constraints", () => {
      const fieldColumn = (name: string) => column(model.fields.find((f) => f.name === name)!);
      const expected = [
        model.primaryKey ? model.primaryKey.fields.map(fieldColumn) : model.fields.filter((f) => f.isId).map(column),
        ...model.fields.filter((f) => f.isUnique).map((f) => [column(f)]),
        ...model.uniqueFields.map((fields) => fields.map(fieldColumn)),
      ].filter((cols) => cols.length > 0).map((cols) => cols.join(",")).sort();
      const actual = database.uniques.filter((u) => u.table_name === table(model)).map((u) => u.columns.join(",")).sort();
      expect(actual).toEqual(expected);
    });

    it("has the same foreign keys and delete rules", () => {
      const expected = model.fields
        .filter((f) => f.kind === "object" && f.relationFromFields?.length)
        .map((f) => ({
          columns: f.relationFromFields!.map((name) => column(model.fields.find((x) => x.name === name)!)),
          referenced: table(byName.get(f.type)!),
          referenced_columns: f.relationToFields!.map((name) => column(byName.get(f.type)!.fields.find((x) => x.name === name)!)),
          on_delete: f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull"),
        }));
      const actual = database.foreignKeys.filter((k) => k.table_name === table(model)).map((k) => ({ columns: k.columns, referenced: k.referenced, referenced_columns: k.referenced_columns, on_delete: k.on_delete }));
      const sort = (rows: { columns: string[] }[]) => [...rows].sort((a, b) => a.columns.join().localeCompare(b.columns.join()));
      expect(sort(actual)).toEqual(sort(expected));
    });
  });
});
