"""Starts `seqgan kernel` with jupyter_client, prints its process id and dies without shutting it down, as a
crashed front end would. JupyterKernelTests checks that the orphaned kernel exits by itself.

usage: orphaned_kernel.py KERNEL_NAME
"""
import os
import sys

from jupyter_client.manager import KernelManager

km = KernelManager(kernel_name=sys.argv[1])
km.start_kernel(stderr=open(os.devnull, "w"))
kc = km.client()
kc.start_channels()
kc.wait_for_ready(timeout=60)
print(km.provisioner.pid if km.provisioner else km.kernel.pid, flush=True)
os._exit(0)   # no shutdown_request, no cleanup
