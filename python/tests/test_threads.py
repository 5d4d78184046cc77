"""Threads: run() releases the GIL; sandboxes on different threads run at
the same time; terminate() ends a run from another thread."""

import threading
import time

import pytest

import capy

# Pure guest computation, long enough to overlap with other threads (about
# half a second on a slow machine), with a known result.
WORK = ("def work(n):\n"
        "    total = 0\n"
        "    for i in range(n):\n"
        "        total = (total + i * i) % 1000003\n"
        "    return total\n")


def expected_work(n):
    total = 0
    for i in range(n):
        total = (total + i * i) % 1000003
    return total


def test_run_releases_the_gil():
    # While the guest computes (no host calls), the host's main thread keeps
    # running Python code. If run() held the GIL, the loop below could not
    # advance until the run ended.
    started = threading.Event()
    progress = []
    sb = capy.Sandbox(functions={"started": started.set}, max_time=60)
    result = []
    worker = threading.Thread(target=lambda: result.append(
        sb.run(WORK + "started()\nwork(3_000_000)")))
    worker.start()
    assert started.wait(30)
    while sb.running:
        progress.append(1)
        time.sleep(0.001)
    worker.join()
    assert result == [expected_work(3_000_000)]
    assert len(progress) >= 5, "the host made no progress while the guest computed"


def test_sandboxes_on_threads_run_at_the_same_time():
    count = 4
    n = 1_500_000
    barrier = threading.Barrier(count, timeout=30)
    spans = {}
    results = {}
    errors = []

    def mark(index, what):
        spans.setdefault(index, {})[what] = time.monotonic()

    def worker(index):
        try:
            sb = capy.Sandbox(functions={"arrive": barrier.wait, "mark": mark},
                              max_time=120)
            results[index] = sb.run(WORK + "arrive()\nmark(i, 'start')\nr = work(n)\n"
                                    "mark(i, 'end')\nr", inputs={"i": index, "n": n + index})
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    wall = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - wall
    assert errors == []
    assert results == {i: expected_work(n + i) for i in range(count)}
    # Every pair of guest computations overlapped in time: with the GIL held
    # during runs they would have followed one another.
    for a in range(count):
        for b in range(a + 1, count):
            sa, sb_ = spans[a], spans[b]
            assert sa["start"] < sb_["end"] and sb_["start"] < sa["end"], (a, b, spans)
    busy = sum(s["end"] - s["start"] for s in spans.values())
    print(f"{count} sandboxes: wall {wall:.2f} s, summed guest time {busy:.2f} s")


def test_each_thread_its_own_sandbox_many_times():
    errors = []

    def worker(seed):
        try:
            sb = capy.Sandbox()
            sb.run("acc = []")
            for i in range(50):
                sb.run("acc.append(x)", inputs={"x": seed * 1000 + i})
            assert sb.run("acc") == [seed * 1000 + i for i in range(50)]
            for i in range(20):
                assert capy.run("x * 2", inputs={"x": i}) == i * 2
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_a_sandbox_runs_one_program_at_a_time():
    started = threading.Event()
    release = threading.Event()
    sb = capy.Sandbox(functions={"started": started.set, "wait": lambda: release.wait(30)},
                      max_time=60)
    worker = threading.Thread(target=sb.run, args=("started()\nwait()",))
    worker.start()
    try:
        assert started.wait(30)
        with pytest.raises(RuntimeError, match="already running"):
            sb.run("1")
        with pytest.raises(RuntimeError, match="while it runs"):
            sb.close()
    finally:
        release.set()
        worker.join()
    assert sb.run("2") == 2


def test_terminate_from_another_thread():
    started = threading.Event()
    sb = capy.Sandbox(functions={"started": started.set}, max_time=60)
    outcome = []

    def target():
        try:
            sb.run("started()\nwhile True:\n    pass")
        except BaseException as e:
            outcome.append(e)

    worker = threading.Thread(target=target)
    begin = time.monotonic()
    worker.start()
    assert started.wait(30)
    sb.terminate()
    worker.join(30)
    assert not worker.is_alive()
    assert time.monotonic() - begin < 10
    assert len(outcome) == 1 and isinstance(outcome[0], capy.LimitExceeded)
    assert outcome[0].limit == "terminated"
    # the request was consumed: the next run is not affected
    assert sb.run("'next run'") == "next run"


def test_terminate_cannot_be_caught():
    started = threading.Event()
    sb = capy.Sandbox(functions={"started": started.set}, max_time=60)
    outcome = []
    source = ("started()\nwhile True:\n    try:\n        while True:\n            pass\n"
              "    except BaseException:\n        pass\n    finally:\n        pass")
    worker = threading.Thread(target=lambda: outcome.append(
        pytest.raises(capy.LimitExceeded, sb.run, source).value))
    worker.start()
    assert started.wait(30)
    sb.terminate()
    worker.join(30)
    assert not worker.is_alive()
    assert outcome[0].limit == "terminated"


def test_terminate_ends_a_sleep():
    started = threading.Event()
    sb = capy.Sandbox(functions={"started": started.set}, max_time=60)
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(
        pytest.raises(capy.LimitExceeded, sb.run, "import time\nstarted()\ntime.sleep(50)").value))
    begin = time.monotonic()
    worker.start()
    assert started.wait(30)
    time.sleep(0.1)
    sb.terminate()
    worker.join(30)
    assert not worker.is_alive()
    assert time.monotonic() - begin < 10
    assert outcome[0].limit == "terminated"


def test_terminate_when_idle_does_nothing():
    sb = capy.Sandbox()
    sb.terminate()
    assert sb.run("1 + 1") == 2
    sb.terminate()
    sb.terminate()
    assert sb.run("'still'") == "still"


def test_terminate_only_ends_its_own_sandbox():
    started = threading.Event()
    victim = capy.Sandbox(functions={"started": started.set}, max_time=60)
    bystander = capy.Sandbox(max_time=60)
    outcomes = {}

    def run(name, sb, source):
        try:
            outcomes[name] = sb.run(source)
        except BaseException as e:
            outcomes[name] = e

    t1 = threading.Thread(target=run, args=("victim", victim, "started()\nwhile True:\n    pass"))
    t2 = threading.Thread(target=run, args=("bystander", bystander, WORK + "work(1_000_000)"))
    t1.start()
    assert started.wait(30)
    t2.start()
    victim.terminate()
    t1.join(30)
    t2.join(60)
    assert isinstance(outcomes["victim"], capy.LimitExceeded)
    assert outcomes["bystander"] == expected_work(1_000_000)
