"""Measures one host command's cold start: process start -> first answered POST /invoke, and VmHWM.

Each run starts a fresh process on a free port (FC_CUSTOM_LISTEN_PORT), polls POST /invoke every millisecond
until it answers, reads /proc/<pid>/status VmHWM, sends --more invocations on the kept-alive connection,
reads VmHWM again, and stops the process. With an event the host answers without the engine (an attachment
create that failed: ignored, 200) the number is the host's own: runtime start, Kestrel, routing, JSON
parsing, logging and the answer. With --env pointing the engine at a local cloud (ACR_REACH_ENDPOINT) and a
sweep event, the first answer includes a whole run: discovery, plan, verify and the message to the queue.
"""
import argparse
import http.client
import os
import shlex
import socket
import statistics
import subprocess
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vm_hwm_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def invoke(connection, body, request_id, headers):
    connection.request("POST", "/invoke", body=body, headers=dict(headers, **{
        "x-fc-request-id": request_id, "Content-Type": "application/octet-stream"}))
    response = connection.getresponse()
    response.read()
    return response.status, response.getheader("x-fc-status")


def run_once(command, body, args):
    port = free_port()
    env = dict(os.environ, FC_CUSTOM_LISTEN_PORT=str(port), ACR_REACH_FUNCTION=args.function)
    env.update(args.env)
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{command} exited with {process.returncode}")
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            try:
                status, fc_status = invoke(connection, body, "bench-first", args.header)
                break
            except OSError:
                connection.close()
                time.sleep(0.001)
        first_ms = (time.perf_counter() - start) * 1000
        if status != 200 or fc_status != "200":
            raise RuntimeError(f"unexpected answer {status} x-fc-status {fc_status}")
        hwm_first = vm_hwm_mb(process.pid)
        for i in range(args.more):
            invoke(connection, body, f"bench-{i}", args.header)
        hwm_after = vm_hwm_mb(process.pid)
        connection.close()
        return first_ms, hwm_first, hwm_after
    finally:
        process.terminate()
        process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--event", required=True)
    parser.add_argument("--function", default="on-attachment")
    parser.add_argument("--more", type=int, default=200, help="invocations after the first, on the same connection")
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the host's environment")
    parser.add_argument("--header", action="append", default=[], help="NAME:VALUE sent with every invocation")
    parser.add_argument("hosts", nargs="+", help="NAME=COMMAND")
    args = parser.parse_args()
    args.env = dict(e.split("=", 1) for e in args.env)
    args.header = dict(h.split(":", 1) for h in args.header)
    with open(args.event, "rb") as f:
        body = f.read()

    print(f"{'host':<10} {'first /invoke ms (median, min-max)':<36} {'VmHWM MB after first':<22} {f'VmHWM MB after {args.more} more':<24}")
    for spec in args.hosts:
        name, command = spec.split("=", 1)
        run_once(shlex.split(command), body, args)  # warm the file cache; not counted
        results = [run_once(shlex.split(command), body, args) for _ in range(args.runs)]
        first = [r[0] for r in results]
        hwm1 = [r[1] for r in results]
        hwm2 = [r[2] for r in results]
        print(f"{name:<10} {statistics.median(first):7.1f} ({min(first):.1f}-{max(first):.1f}){'':<14}"
              f" {statistics.median(hwm1):7.1f}{'':<14} {statistics.median(hwm2):7.1f}")


if __name__ == "__main__":
    main()
