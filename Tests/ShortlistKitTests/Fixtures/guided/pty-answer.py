#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal, as a searcher at a terminal would, and answers its prompts.

Usage: pty-answer.py SCRIPT.json

SCRIPT.json: {"command": [PROGRAM, ARG...], "steps": [[EXPECT, ANSWER], ...]}
For each step, waits until the output since the previous answer contains EXPECT, then types ANSWER
and Enter (ANSWER may hold several lines; "^C" sends an interrupt instead, "^D" ends input).
After the last step, reads to the end. Writes the whole terminal transcript to stdout, and exits
with the command's status (128 + N when signal N ended it), or 124 if a prompt did not come.
"""
import json
import os
import pty
import select
import signal
import sys
import time

TIMEOUT = 20.0


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        script = json.load(f)
    pid, fd = pty.fork()
    if pid == 0:
        # As at a real terminal: a test runner may start us with interrupts ignored or blocked, which exec would keep.
        interrupts = (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM)
        for number in interrupts:
            signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupts)
        os.execv(script["command"][0], script["command"])
    transcript = bytearray()
    since = 0  # where the output after the last answer starts

    def read(deadline):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return False
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the command has ended and closed the terminal
            return None
        if not chunk:
            return None
        transcript.extend(chunk)
        return True

    for expect, answer in script["steps"]:
        wanted = expect.encode("utf-8")
        deadline = time.monotonic() + TIMEOUT
        while wanted not in transcript[since:]:
            got = read(deadline)
            if not got:
                sys.stdout.buffer.write(bytes(transcript))
                sys.stdout.buffer.write(("\n[pty-answer: did not see %r]\n" % expect).encode("utf-8"))
                os.kill(pid, 9)
                os.waitpid(pid, 0)
                sys.exit(124)
        since = len(transcript)
        if answer == "^C":
            os.write(fd, b"\x03")
        elif answer == "^D":
            os.write(fd, b"\x04")
        else:
            for line in answer.split("\n"):
                os.write(fd, line.encode("utf-8") + b"\r")
    deadline = time.monotonic() + TIMEOUT
    while read(deadline):
        pass
    done, status = os.waitpid(pid, os.WNOHANG)
    if done == 0:  # still running after the deadline: waiting for an answer that will not come
        os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
    sys.stdout.buffer.write(bytes(transcript))
    sys.exit(128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status))


if __name__ == "__main__":
    main()
