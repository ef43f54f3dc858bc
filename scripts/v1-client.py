#!/usr/bin/env python3
"""Speaks the v1 wire dialect (docs/PROTOCOL-V1.md) as the original terminal client did, one
request per run, answering every question with 'y'. For checking a server by hand.

usage: v1-client.py HOST PORT /list [PATH] | /tree [PATH] | /download PATH | /delete PATH
                              | /upload LOCAL [REMOTE_DIR] | /exit
"""
import json
import os
import socket
import struct
import sys
import tarfile
import tempfile


def send_text(sock, text):
    data = text.encode()
    sock.sendall(struct.pack(">I", len(data)) + data)


def recv_exact(sock, n):
    chunks = []
    while n:
        chunk = sock.recv(min(n, 65536))
        if not chunk:
            raise ConnectionError("connection closed by server")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def recv_text(sock):
    (n,) = struct.unpack(">I", recv_exact(sock, 4))
    return recv_exact(sock, n).decode()


def send_file(sock, path):
    compressed = os.path.isdir(path)
    name = os.path.basename(os.path.normpath(path))
    source = path
    if compressed:
        fd, source = tempfile.mkstemp(suffix=".tar.gz")
        os.close(fd)
        with tarfile.open(source, "w:gz") as tar:
            tar.add(path, arcname=name)
        name += ".tar.gz"
    header = json.dumps({"is_compressed": compressed, "file_name": name,
                         "permissions": os.stat(path).st_mode,
                         "file_len": os.path.getsize(source)}).encode()
    sock.sendall(struct.pack(">I", len(header)) + header)
    with open(source, "rb") as f:
        while chunk := f.read(65536):
            sock.sendall(chunk)
    if compressed:
        os.remove(source)


def recv_file(sock):
    (n,) = struct.unpack(">I", recv_exact(sock, 4))
    header = json.loads(recv_exact(sock, n))
    remaining = header["file_len"]
    with open(header["file_name"], "wb") as f:
        while remaining:
            chunk = sock.recv(min(remaining, 65536))
            if not chunk:
                raise ConnectionError("connection closed during download")
            f.write(chunk)
            remaining -= len(chunk)
    os.chmod(header["file_name"], header["permissions"] & 0o777)
    if header["is_compressed"]:
        with tarfile.open(header["file_name"], "r:gz") as tar:
            tar.extractall(".", filter="data")
        os.remove(header["file_name"])
    return header


def main(host, port, command, *args):
    sock = socket.create_connection((host, int(port)))
    greeting = recv_text(sock)
    print(greeting)
    if greeting.startswith("Connection rejected"):
        return 1
    remote_arg = args[1] if command == "/upload" and len(args) > 1 else (args[0] if args and command != "/upload" else "")
    send_text(sock, (command + " " + remote_arg).strip())
    status = recv_text(sock)
    if status != "ok":
        print(status)
        return 1
    if command in ("/list", "/ls", "/tree"):
        kind = recv_text(sock)
        print(recv_text(sock), end="" if kind == "ok" else "\n")
        return 0 if kind == "ok" else 1
    if command in ("/download", "/delete"):
        kind = recv_text(sock)
        if kind == "not_found":
            print(recv_text(sock))
            return 1
        send_text(sock, "y")
        if command == "/download":
            header = recv_file(sock)
            print("received %s (%d bytes)" % (header["file_name"], header["file_len"]))
        else:
            print(recv_text(sock))
        return 0
    if command == "/upload":
        kind = recv_text(sock)
        if kind != "dir":
            print(recv_text(sock))
            return 1
        local = args[0]
        if not os.path.exists(local):
            send_text(sock, "error")
            send_text(sock, local)
            print("Error: '%s' not found" % local)
            return 1
        send_text(sock, "y")
        send_file(sock, local)
        send_text(sock, "/exit")
        recv_text(sock)
        send_text(sock, "y")
        print("sent %s" % local)
        return 0
    if command == "/exit":
        send_text(sock, "y")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 4:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
