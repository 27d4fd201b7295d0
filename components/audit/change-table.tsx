// An event's before/after, field by field; changed rows are highlighted (and say so to screen readers).
import type { ChangeRow } from "@/lib/domain/audit/diff";

const Value = ({ json }: { json?: string }) =>
  json === undefined ? <span className="text-zinc-500">—</span> : <pre className="font-mono text-xs break-all whitespace-pre-wrap">{json}</pre>;

export function ChangeTable({ rows }: { rows: ChangeRow[] }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Changes</caption>
      <thead className="border-b border-zinc-200 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        <tr><th scope="col" className="py-1 pr-3 font-medium">Field</th><th scope="col" className="py-1 pr-3 font-medium">Before</th><th scope="col" className="py-1 font-medium">After</th></tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field} data-changed={row.changed} className="border-b border-zinc-100 align-top last:border-0 data-[changed=true]:bg-amber-50 dark:border-zinc-800 dark:data-[changed=true]:bg-amber-950">
            <th scope="row" className="py-1 pr-3 font-mono text-xs font-medium">
              {row.field}{row.changed && <span className="sr-only"> (changed)</span>}
            </th>
            <td className="py-1 pr-3"><Value json={row.before} /></td>
            <td className="py-1"><Value json={row.after} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
