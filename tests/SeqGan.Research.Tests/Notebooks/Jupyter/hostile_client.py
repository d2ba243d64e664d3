"""Starts `seqgan kernel --max-message-size LIMIT` with jupyter_client and sends it what an attacker (or a broken
client) might: frames and multipart messages over the limit on shell, control and heartbeat, and a validly signed
message sent twice. Prints one JSON object with what happened; KernelHardeningTests asserts on it.

usage: hostile_client.py KERNEL_NAME STDERR_LOG LIMIT_BYTES
"""
import json
import sys

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

kernel_name, stderr_log, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
report = {}
context = zmq.Context.instance()


def connect(info, kind, port_name):
    socket = context.socket(kind)
    socket.linger = 0
    socket.connect(f"{info['transport']}://{info['ip']}:{info[port_name]}")
    return socket


def answered(socket, timeout_ms):
    return socket.poll(timeout_ms) != 0


def execute_request(code):
    return {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}


def value_of(kc, expression):
    reply = kc.execute_interactive(expression, timeout=60, output_hook=lambda m: outputs.append(m))
    return reply["content"]["status"]


with open(stderr_log, "w") as log:
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(stderr=log, extra_arguments=["--max-message-size", str(limit)])
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        info = km.get_connection_info()
        key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
        session = Session(key=key)
        over = b"x" * (2 * limit)

        # One signed request with a frame over the limit: libzmq drops the connection before reading it.
        shell = connect(info, zmq.DEALER, "shell_port")
        session.send(shell, "execute_request", execute_request("var oversized = 1;"), buffers=[over])
        report["reply_to_oversized_frame"] = answered(shell, 2000)
        shell.close()

        # Frames each under the limit that add up to more: read through and dropped by the kernel.
        shell = connect(info, zmq.DEALER, "shell_port")
        chunk = b"x" * (limit // 2)
        session.send(shell, "execute_request", execute_request("var oversizedParts = 1;"), buffers=[chunk] * 4)
        report["reply_to_oversized_parts"] = answered(shell, 2000)
        shell.close()

        control = connect(info, zmq.DEALER, "control_port")
        session.send(control, "kernel_info_request", {}, buffers=[over])
        report["reply_to_oversized_control"] = answered(control, 2000)
        control.close()
        control = connect(info, zmq.DEALER, "control_port")
        session.send(control, "kernel_info_request", {})
        report["control_answers_after"] = answered(control, 10000)
        control.close()

        heartbeat = connect(info, zmq.REQ, "hb_port")
        heartbeat.send(over)
        report["echo_of_oversized_ping"] = answered(heartbeat, 2000)
        heartbeat.close()
        heartbeat = connect(info, zmq.REQ, "hb_port")
        heartbeat.send(b"ping")
        report["heartbeat_answers_after"] = answered(heartbeat, 10000) and heartbeat.recv() == b"ping"
        heartbeat.close()

        # Neither oversized request ran: their variables do not exist.
        outputs = []
        report["oversized_ran"] = value_of(kc, "oversized") == "ok"
        report["oversized_parts_ran"] = value_of(kc, "oversizedParts") == "ok"

        # A validly signed request, sent twice with the same bytes: the copy is refused.
        value_of(kc, "var counter = 0;")
        shell = connect(info, zmq.DEALER, "shell_port")
        frames = session.serialize(session.msg("execute_request", execute_request("counter++;")))
        shell.send_multipart(frames)
        first = answered(shell, 30000)
        while shell.poll(500):
            shell.recv_multipart()
        shell.send_multipart(frames)
        report["reply_to_original"] = first
        report["reply_to_replay"] = answered(shell, 2000)
        shell.close()
        outputs = []
        kc.execute_interactive("counter", timeout=60, output_hook=lambda m: outputs.append(m))
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        report["counter"] = results[0] if results else None
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)

print(json.dumps(report))
