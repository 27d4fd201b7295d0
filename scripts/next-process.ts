// Runs the Next CLI as a child in a process group of its own: `next start` serves from a further child
// process, which a plain kill of the direct child would leave running and holding the port.
import { spawn, type ChildProcess } from "node:child_process";

export interface NextProcess {
  child: ChildProcess;
  stop: () => void;
}

export function spawnNext(args: string[], env: NodeJS.ProcessEnv, stdout: "inherit" | "pipe" = "inherit"): NextProcess {
  const child = spawn("node_modules/.bin/next", args, {
    stdio: ["ignore", stdout, "inherit"],
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
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
