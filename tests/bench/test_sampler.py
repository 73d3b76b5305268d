"""The bench's memory sampler: PSS read only when it could be a new peak, and not all the time."""

import subprocess
import sys
import time

from tools import bench

HOLD = "import time; b = bytearray(64 << 20); b[::4096] = b'x' * len(b[::4096]); print(1, flush=True); time.sleep(30)"


def test_pss_is_read_only_when_it_could_be_a_new_peak_and_at_most_a_share_of_the_time():
    child = subprocess.Popen([sys.executable, "-c", HOLD], stdout=subprocess.PIPE, text=True)
    try:
        child.stdout.readline()  # its 64 MB are touched
        sampler = bench.Sampler(child.pid, share=0.2)
        now = time.perf_counter()
        next_pss = sampler.sample(now, 0.0)
        assert sampler.pss_reads == 1
        assert 64 << 20 <= sampler.peak_pss <= sampler.peak  # a tree's PSS is never above its RSS
        assert next_pss > now  # reading took time, so the next read waits four times as long
        sampler.sample(time.perf_counter(), next_pss)
        assert sampler.pss_reads == 1  # too soon
        sampler.peak_pss = sampler.peak
        sampler.sample(next_pss, 0.0)
        assert sampler.pss_reads == 1  # its RSS is not above the peak PSS: its PSS cannot be either
        sampler.peak_pss = 0
        sampler.sample(time.perf_counter(), 0.0)
        assert sampler.pss_reads == 2 and sampler.peak_pss >= 64 << 20
    finally:
        child.kill()
        child.wait()
