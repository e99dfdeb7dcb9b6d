// The drill on a real terminal: tmux runs it in a pseudo-terminal, send-keys types, capture-pane reads
// the screen. Skipped (with a message) where tmux is not installed; .ci/run installs it.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { napkinBin, root } from "../helpers.js";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
if (!hasTmux) console.warn("drill-tmux: tmux is not installed, skipping the terminal session tests (apt-get install -y tmux)");

// Our own tmux server (-L): the tests never touch a user's sessions, and killing it ends only what they started.
const socket = `napkin-test-${process.pid}`;
const tmux = (...args: string[]) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });

/** Starts `napkin <args>` in a detached 120×50 terminal; the pane stays after napkin exits, with its exit code. */
function startSession(name: string, args: string, env = "NO_COLOR=1"): void {
  const command = `cd '${root}' && ${env} '${process.execPath}' '${napkinBin}' ${args}; echo "EXIT=$?"; sleep 60`;
  const started = tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "50", command);
  expect(started.status, started.stderr).toBe(0);
}

const screen = (name: string, withColours = false) => tmux("capture-pane", "-p", ...(withColours ? ["-e"] : []), "-t", name).stdout;

/** Waits until the screen matches `pattern` (or fails after `ms` with the screen in the message). */
async function waitFor(name: string, pattern: RegExp, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = screen(name);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} on the screen:\n${text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterAll(() => {
  if (!hasTmux) return;
  const socketPath = tmux("list-sessions", "-F", "#{socket_path}").stdout.split("\n")[0];
  tmux("kill-server");
  if (socketPath) rmSync(socketPath, { force: true });
});

describe.skipIf(!hasTmux)("drill in a terminal (tmux)", () => {
  test("answers typed at the prompt are graded at once, with line editing", async () => {
    startSession("typed", "drill gps-pings --seed 1");
    await waitFor("typed", /pingsPerSec \(per second\)\?\s*$/m);
    tmux("send-keys", "-t", "typed", "66", "Enter");
    await waitFor("typed", /✗ wrong: right is 66\.7K\/s: off by 1000×: a dropped K\?/);
    await waitFor("typed", /bandwidth \(bytes per second\)\?\s*$/m);
    // A typo fixed with backspace before Enter: the terminal's line editing is readline's.
    tmux("send-keys", "-t", "typed", "6.67 MX", "BSpace", "B/s", "Enter");
    const text = await waitFor("typed", /EXIT=\d/);
    expect(text).toMatch(/bandwidth \(bytes per second\)\? 6\.67 MB\/s\n\s+✓ right/);
    expect(text).toMatch(/Score: 1\/2 right in \d/);
    expect(text).toMatch(/EXIT=1/);
  }, 30_000);

  test("Ctrl-C ends the drill early, with the summary", async () => {
    startSession("interrupted", "drill gps-pings --seed 1");
    await waitFor("interrupted", /pingsPerSec \(per second\)\?\s*$/m);
    tmux("send-keys", "-t", "interrupted", "66.7K", "Enter");
    await waitFor("interrupted", /bandwidth \(bytes per second\)\?\s*$/m);
    tmux("send-keys", "-t", "interrupted", "C-c");
    const text = await waitFor("interrupted", /EXIT=\d/);
    // The unanswered bandwidth question counts as skipped.
    expect(text).toMatch(/Score: 1\/2 right .*ended early/);
    expect(text).toMatch(/EXIT=1/);
  }, 30_000);
});

describe.skipIf(!hasTmux)("output on a terminal (tmux)", () => {
  test("a terminal gets colour; the same command through a pipe gets none", async () => {
    startSession("colour", `check -e '200K / 3 = 66'; '${process.execPath}' '${napkinBin}' check -e '200K / 3 = 66' | cat`, "NO_COLOR= FORCE_COLOR=");
    await waitFor("colour", /EXIT=/);
    const lines = screen("colour", true).split("\n").filter((line) => line.includes("200K / 3 = 66 "));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/\x1b\[31mwrong/);
    // tmux may open a line by resetting the previous line's attributes; napkin's own red must be absent.
    expect(lines[1]).not.toMatch(/\x1b\[31m/);
  });
});
