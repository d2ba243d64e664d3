"""Drives `seqgan kernel` with Jupyter's own client (jupyter_client), as JupyterLab and VS Code do, and prints
one JSON object with what the kernel answered; JupyterKernelTests asserts on it.

usage: kernel_session.py KERNEL_NAME STDERR_LOG
The kernelspec is found through JUPYTER_PATH / JUPYTER_DATA_DIR, which the test points at a temporary folder.
"""
import hashlib
import hmac
import json
import queue
import sys
import time

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

kernel_name, stderr_log = sys.argv[1], sys.argv[2]
report = {}

SETUP = """
using SeqGan.Research.Models; using SeqGan.Research.Nn; using SeqGan.Research.Training;
var size = new LstmModelSize(VocabularySize: 50, EmbeddingSize: 8, HiddenSize: 8, SequenceLength: 8);
var generator = new Generator(size, initStd: 0.1);
var optimizer = new Adam(generator.Parameters(), 0.01);
var data = generator.Sample(256, 256);
"""

# MLE epochs for ever: only the kit's between-batch interruption check can stop this cell.
LONG_TRAINING = """
Console.WriteLine("training");
for (var epoch = 0; epoch < 1_000_000; epoch++)
    MleTraining.TrainEpoch(generator, optimizer, data, batchSize: 32, gradientClip: 5.0);
"""


def execute(kc, code, timeout=60):
    outputs = []
    reply = kc.execute_interactive(code, timeout=timeout,
                                   output_hook=lambda m: outputs.append({"msg_type": m["msg_type"], "content": m["content"]}))
    return {"reply": reply["content"], "outputs": outputs}


def shell_reply(kc, msg_id, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_shell_msg(timeout=deadline - time.time())
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg
    raise TimeoutError(f"no reply to {msg_id}")


def run_all_stops_at_error(kc):
    """Three cells sent at once, as "Run All" does: the failing first one aborts the two queued behind it."""
    ids = [kc.execute('System.Threading.Thread.Sleep(300); throw new ArgumentException("first cell fails");'),
           kc.execute("var neverRun = 1;"),
           kc.execute("neverRun + 1")]
    return [shell_reply(kc, msg_id)["content"]["status"] for msg_id in ids]


def interrupt_long_cell(km, kc):
    msg_id = kc.execute(LONG_TRAINING)
    started = False
    deadline = time.time() + 60
    while not started and time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            started = "training" in msg["content"]["text"]
    time.sleep(1.0)   # well inside the loop
    interrupted_at = time.time()
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=60)
    errors = []
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=2)
        except queue.Empty:
            break
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "error":
            errors.append(msg["content"])
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    return {"started": started, "reply": reply["content"], "seconds_to_stop": time.time() - interrupted_at, "errors": errors}


def bad_input(km):
    """Messages a kernel must survive: signed with another key, malformed JSON, too few frames."""
    info = km.get_connection_info()
    key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    result = {}

    Session(key=b"not-the-kernels-key").send(socket, "kernel_info_request", {})
    result["reply_to_wrong_signature"] = socket.poll(2000) != 0

    parts = [b"{this is not json", b"{}", b"{}", b"{}"]
    signature = hmac.new(key, b"".join(parts), hashlib.sha256).hexdigest().encode()
    socket.send_multipart([b"<IDS|MSG>", signature] + parts)
    socket.send_multipart([b"<IDS|MSG>", signature])
    result["reply_to_malformed"] = socket.poll(1000) != 0

    good = Session(key=key)
    good.send(socket, "kernel_info_request", {})
    answered = socket.poll(10000) != 0
    result["answers_after_bad_input"] = answered and good.recv(socket, mode=0)[1]["msg_type"] == "kernel_info_reply"
    socket.close()
    return result


with open(stderr_log, "w") as log:
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(stderr=log)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=60)
        report["kernel_info"] = kc.kernel_info(reply=True, timeout=30)["content"]
        report["hello"] = execute(kc, 'Console.WriteLine("hello from C#"); 6 * 7')
        report["many_lines"] = execute(kc, "for (var i = 0; i < 2000; i++) Console.WriteLine(i);")
        report["failing"] = execute(kc, 'throw new InvalidOperationException("this cell fails on purpose");')
        report["display_update"] = execute(kc, 'var shown = display("<b>first</b>", "text/html"); shown.Update("<b>second</b>");')
        report["run_all_after_error"] = run_all_stops_at_error(kc)
        report["setup"] = execute(kc, SETUP)
        report["interrupt"] = interrupt_long_cell(km, kc)
        report["after_interrupt"] = execute(kc, "generator.Size.VocabularySize")
        report["complete_member"] = kc.complete("generator.Sam", 13, reply=True, timeout=30)["content"]
        report["complete_name"] = kc.complete("var n = gener", 13, reply=True, timeout=30)["content"]
        report["inspect"] = kc.inspect("MleTraining.TrainEpoch(generator", 15, reply=True, timeout=30)["content"]
        report["is_complete_open"] = shell_reply(kc, kc.is_complete("for (var i = 0; i < 3; i++) {"))["content"]
        report["is_complete_done"] = shell_reply(kc, kc.is_complete("var x = 1;"))["content"]
        report["bad_input"] = bad_input(km)
        report["alive_after_bad_input"] = execute(kc, "1 + 1")["reply"]["status"]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        report["exited_on_shutdown_request"] = not km.is_alive()

print(json.dumps(report))
