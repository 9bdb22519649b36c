import { Card } from "@/components/ui/card";

/** Where MCP clients connect and how they present a key; the example never contains a real key. */
export function ConnectCard({ endpoint }: { endpoint: string }) {
  const config = JSON.stringify(
    { mcpServers: { bosun: { type: "http", url: endpoint, headers: { Authorization: "Bearer <your API key>" } } } },
    null,
    2,
  );
  return (
    <Card title="Connect an MCP client">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Endpoint:{" "}
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800">{endpoint}</code>
      </p>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Send the key in the <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code> header. For
        clients configured with JSON:
      </p>
      <pre
        aria-label="Example MCP client configuration"
        className="relative mt-2 overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200"
      >
        {config}
      </pre>
    </Card>
  );
}
