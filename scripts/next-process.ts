// Runs the console (Next inside scripts/console-server.ts, which hands it the TCP peer's address) as a child in a
// process group of its own, so that stopping it stops whatever it started too. `args` are those of the Next CLI
// that the console server takes: `start|dev -p PORT -H HOST`.
import { spawn, type ChildProcess } from "node:child_process";

export interface NextProcess {
  child: ChildProcess;
  stop: () => void;
}

export function spawnNext(
  args: string[], env: NodeJS.ProcessEnv, stdout: "inherit" | "pipe" = "inherit", stderr: "inherit" | "pipe" = "inherit",
): NextProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/console-server.ts", ...args], {
    stdio: ["ignore", stdout, stderr],
    // what the Next CLI sets before it loads anything: React and Next pick their builds by it
    env: { ...env, NODE_ENV: args[0] === "dev" ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
  });
  const stop = () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // the group is already gone
    }
  };
  // whatever way this process ends, the console goes with it
  process.on("exit", stop);
  return { child, stop };
}
