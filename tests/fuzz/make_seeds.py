#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# make_seeds.py - writes the hand-made seed inputs of tests/fuzz/corpus/<target>/
# (seed-*; crash-* files are regressions the fuzzers found and stay as they
# are). Each seed is a small, valid use of what its target parses, laid out
# as that target reads its input (see the comment at the top of each
# fuzz_<target>.c), so the fuzzers start from the interesting states instead
# of discovering the formats. Run from anywhere; rewrites only seed-* files.
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")


def seed(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


u8 = lambda v: struct.pack("<B", v & 0xFF)
u16 = lambda v: struct.pack("<H", v & 0xFFFF)
u32 = lambda v: struct.pack("<I", v & 0xFFFFFFFF)
u64 = lambda v: struct.pack("<Q", v & 0xFFFFFFFFFFFFFFFF)

# ---- cli: argv words separated by NUL ----

def cli():
    lines = {
        "guest": ["hello.bin"],
        "mem": ["--mem", "16M", "guests/hello.bin", "--headless"],
        "addresses": ["--load-addr", "0x7c00", "--entry", "0777", "--mode", "real", "g.bin"],
        "timeout": ["--headless", "--timeout", "2147485", "--max-exits", "100", "--stats", "g"],
        "replay": ["--replay", "r.rec", "--speed", "0.25", "--loop", "--headless"],
        "disks": ["--disk", "a.img", "--disk", "b.img", "--boot", "80h", "--bios", "--disk-write"],
        "options": ["--mode", "long", "--irqchip", "kernel", "--keyboard", "kbc", "--theme",
                    "projector", "--no-color", "--paused", "--record", "x.rec", "g"],
        "short": ["-hV"],
        "dashdash": ["--trace", "t.json", "--", "-guest"],
        "sizes": ["--mem", "65536K", "--mem", "1G", "--mem", "64KiB", "g", "--screen-dump", "s"],
    }
    for name, words in lines.items():
        seed("cli", name, b"\0".join(w.encode() for w in words))

# ---- theme: theme files ----

def theme():
    with open(os.path.join(ROOT, "themes", "default.theme"), "rb") as f:
        default = f.read()
    seed("theme", "default", default[:6000])
    seed("theme", "small", "normal = black on #ffffff\nexit.io = cyan bold  # io\n"
         "border = grey\n\n# comment\ntitle.focus = reverse underline dim\n")
    seed("theme", "bom", b"\xef\xbb\xbfnormal = default on default\r\nserial = GREEN\r\n")
    seed("theme", "errors", "exit.io = red on\nstatus = #12345g\n")
    seed("theme", "nonewline", "sparkline = bright-magenta on bright-black")

# ---- loader: flags, selector, load address, entry, then the image ----

MODES = {"auto": 0, "real": 1, "protected": 2, "paged": 3, "long": 4}
MEMS = {"64K": 0, "512K": 1, "1M": 2, "1M+64K": 3, "2M": 4, "16M": 5, "1G": 6, "64G": 7}


def loader_prefix(flags=0, mode="auto", mem="2M", load_addr=0, entry=0):
    return u8(flags) + u8(MODES[mode] | MEMS[mem] << 3) + u32(load_addr) + u32(entry)


def elf32(segments, entry):
    phoff = 52
    hdr = (b"\x7fELF" + bytes([1, 1, 1]) + bytes(9) +
           struct.pack("<HHIIIIIHHHHHH", 2, 3, 1, entry, phoff, 0, 0, 52, 32, len(segments), 0, 0, 0))
    data_off = phoff + 32 * len(segments)
    ph, blobs = b"", b""
    for paddr, body, memsz in segments:
        ph += struct.pack("<IIIIIIII", 1, data_off + len(blobs), paddr, paddr, len(body), memsz, 5, 4)
        blobs += body
    return hdr + ph + blobs


def elf64(segments, entry):
    phoff = 64
    hdr = (b"\x7fELF" + bytes([2, 1, 1]) + bytes(9) +
           struct.pack("<HHIQQQIHHHHHH", 2, 62, 1, entry, phoff, 0, 0, 64, 56, len(segments), 0, 0, 0))
    data_off = phoff + 56 * len(segments)
    ph, blobs = b"", b""
    for vaddr, paddr, body, memsz in segments:
        ph += struct.pack("<IIQQQQQQ", 1, 5, data_off + len(blobs), vaddr, paddr, len(body), memsz, 8)
        blobs += body
    return hdr + ph + blobs


def loader():
    code = b"\xb0\x48\xe6\xe9\xf4"  # mov al,'H'; out 0xe9,al; hlt
    seed("loader", "flat", loader_prefix(mem="1M") + code)
    seed("loader", "flat-load-addr", loader_prefix(3, mem="1M", load_addr=0x1000, entry=0x1002) + code)
    boot = code + bytes(510 - len(code)) + b"\x55\xaa"
    seed("loader", "boot-sector", loader_prefix(mem="1M") + boot)
    seed("loader", "disk", loader_prefix(0x10, mem="1M") + boot + bytes(512))
    seed("loader", "elf32", loader_prefix() + elf32([(0x100000, code, 0x100)], 0x100000))
    # The case: one segment below the PC hole, one above it.
    seed("loader", "elf32-hole", loader_prefix(mode="protected") +
         elf32([(0x7c00, code, 5), (0x100000, b"data", 0x2000)], 0x7c00))
    seed("loader", "elf64-higher-half", loader_prefix(mode="long") +
         elf64([(0xffffffff80100000, 0x100000, code, 0x1000)], 0xffffffff80100000))
    seed("loader", "elf64-16M", loader_prefix(mem="16M") +
         elf64([(0x200000, 0x200000, code, 0x10), (0x300000, 0x300000, b"", 0x1000)], 0x200000))


# ---- uart: op stream (fuzz_uart.c) ----

def uw(off, v):
    return u8(off << 4 | 2) + u8(v)


def ur(off):
    return u8(off << 4)


def uart():
    init = uw(3, 0x80) + uw(0, 1) + uw(1, 0) + uw(3, 3) + uw(2, 0x07) + uw(1, 0x01) + uw(4, 0x0b)
    seed("uart", "init-receive", init + u8(6) + u8(2) + b"hi" + u8(0x07) + ur(2) + ur(5) + ur(0) +
         ur(0) + uw(0, 0x41) + ur(2) + ur(6) + uw(7, 0x5a) + ur(7))
    seed("uart", "loopback", uw(4, 0x10) + uw(0, 0x78) + ur(5) + ur(0) + uw(4, 0x00) + ur(5) + ur(6))
    seed("uart", "wide", u8(3 << 4 | 5 | 0x80) + u32(0x83) + u8(0 << 4 | 5 | 0x08) + u32(0x0c01) +
         u8(5 << 4 | 4 | 0x08) + u8(0x47) + u8(6) + u8(20) + bytes(range(0x30, 0x44)) + ur(0) * 18)
    seed("uart", "reset", u8(6) + u8(3) + b"abc" + uw(1, 0x0f) + u8(3 << 4 | 7) + ur(0) +
         u8(4 << 4 | 7) + ur(2) + ur(0))

# ---- ports: time of day, then op stream (fuzz_ports.c) ----

PORTS = [0x20, 0x21, 0xa0, 0xa1, 0x4d0, 0x4d1, 0x40, 0x41, 0x42, 0x43, 0x61, 0x70, 0x71, 0x60,
         0x64, 0x92, 0x3f8, 0x3f9, 0x3fa, 0x3fb, 0x3fc, 0x3fd, 0x3fe, 0x3ff, 0xe9, 0xf4,
         0x3c0, 0x3c1, 0x3c4, 0x3c5, 0x3c6, 0x3c7, 0x3c8, 0x3c9, 0x3ca, 0x3cc, 0x3ce, 0x3cf,
         0x3d4, 0x3d5, 0x3da, 0x3b4, 0x3b5, 0x3ba]


def pout(port, v, size=1):
    sz = {1: 0, 2: 2, 4: 3}[size]
    return u8(sz << 4 | 1) + u8(PORTS.index(port)) + u32(v)


def pin(port, size=1):
    sz = {1: 0, 2: 2, 4: 3}[size]
    return u8(sz << 4 | 0) + u8(PORTS.index(port))


ADVANCE = lambda ticks, shift: u8(6) + u16(ticks) + u8(shift)
POLL = u8(7)


def ports():
    tod = u32(1700000000)
    seed("ports", "pit-irq0", tod + pout(0x43, 0x34) + pout(0x40, 0x9c) + pout(0x40, 0x2e) +
         pout(0x21, 0xfe) + ADVANCE(0xffff, 8) + POLL + pout(0x20, 0x20) + pin(0x40) +
         pout(0x43, 0xc2) + pin(0x40) + pin(0x40) + pout(0x43, 0xb6) + pout(0x42, 0x33) +
         pout(0x42, 0x05) + pout(0x61, 0x03) + u8(14) + u8(2))
    seed("ports", "pic-init", tod + pout(0x20, 0x11) + pout(0x21, 0x20) + pout(0x21, 0x04) +
         pout(0x21, 0x01) + pout(0xa0, 0x11) + pout(0xa1, 0x28) + pout(0xa1, 0x02) + pout(0xa1, 0x01) +
         pout(0x21, 0x00) + u8(0x4b) + u8(3) + POLL + pout(0x20, 0x0b) + pin(0x20) + pout(0x20, 0x0c) +
         pin(0x20) + pout(0x4d0, 0x20) + pin(0x4d1) + pout(0xa0, 0x20) + pout(0x20, 0x62))
    seed("ports", "cmos-rtc", tod + pout(0x70, 0x0b) + pout(0x71, 0x42) + pout(0x70, 0x0a) +
         pout(0x71, 0x26) + pout(0xa1, 0xfe) + pout(0x21, 0xf8) + ADVANCE(0xffff, 6) + POLL +
         pout(0x70, 0x0c) + pin(0x71) + pout(0x70, 0x00) + pin(0x71) + pout(0x70, 0x32) + pin(0x71) +
         pout(0x70, 0x8b) + pout(0x71, 0x86) + pout(0x70, 0x00) + pout(0x71, 0x59))
    seed("ports", "kbc", tod + u8(9) + u32(ord("a")) + POLL + pin(0x64) + pin(0x60) +
         pout(0x64, 0x20) + pin(0x60) + pout(0x64, 0x60) + pout(0x60, 0x45) + pout(0x60, 0xff) +
         pin(0x60) + pin(0x60) + pout(0x64, 0xd1) + pout(0x60, 0xdf) + pout(0x92, 0x02) + pin(0x92) +
         pout(0x64, 0xaa) + pin(0x60) + pout(0x60, 0xf0) + pout(0x60, 0x01) + pin(0x60))
    seed("ports", "com1-vga-debug", tod + pout(0x3fb, 0x80) + pout(0x3f8, 1) + pout(0x3fb, 3) +
         pout(0x3f9, 1) + pout(0x3fc, 0x0b) + u8(10) + b"z" + POLL + pin(0x3fa) + pin(0x3f8) +
         pout(0x3f8, 0x48) + u8(0x45) + u8(PORTS.index(0x3f8)) + u8(4) + b"hello" + pout(0xe9, 0x44) +
         pout(0x3d4, 0x0e) + pout(0x3d5, 0x01) + pout(0x3d4, 0x0f) + pout(0x3d5, 0x10) +
         pout(0x3d4, 0x000a, 2) + pin(0x3da) + pin(0x3da) + pout(0x3c0, 0x10) + pout(0x3c0, 0x08) +
         pout(0x3c8, 0) + pout(0x3c9, 0x3f) * 3 + u8(13) + u16(0) + u8(8) + b"H\x07i\x07\x1b\x4f\x9b\x1f" +
         pout(0xf4, 1))

# ---- bios: drives, ticks, then op stream (fuzz_bios.c) ----

VECTORS = [0x10, 0x13, 0x16, 0x15, 0x1a, 0x14, 0x11, 0x12, 0x17, 0x18, 0x19]


def call(vector, eax=0, ebx=0, ecx=0, edx=0, esi=0, edi=0, ebp=0, esp=0x7bf0, ds=0, es=0, ss=0, flags=0x202):
    i = VECTORS.index(vector)
    op = (i << 3) if i < 8 else ((i - 3) << 3) | 1
    return (u8(op) + u32(eax) + u32(ebx) + u32(ecx) + u32(edx) + u32(esi) + u32(edi) + u32(ebp) +
            u16(esp) + u16(ds) + u16(es) + u16(ss) + u16(flags))


def int9(al):
    return (u8(3) + u32(al) + u32(0) * 6 + u16(0x7bf0) + u16(0) * 3 + u16(0x202))


def again(ax):
    return u8(0x40) + u16(ax)


def poke(addr, data):
    return u8(4) + u32(addr) + u8(len(data)) + data


def bios():
    ticks = u32(43200000)
    seed("bios", "video-tty", u8(0) + ticks + call(0x10, eax=0x0e41, ebx=0x0007) +
         poke(0x8000, b"Hello\r\n") + call(0x10, eax=0x1301, ebx=0x0007, ecx=7, ebp=0x8000) +
         call(0x10, eax=0x0200, edx=0x1850) + call(0x10, eax=0x0e0a) + call(0x10, eax=0x0f00))
    seed("bios", "video-modes", u8(0) + ticks + call(0x10, eax=0x0003) + call(0x10, eax=0x0601, ebx=0x1e00,
         ecx=0x0000, edx=0x184f) + call(0x10, eax=0x0941, ebx=0x001f, ecx=3) + call(0x10, eax=0x0100,
         ecx=0x0607) + call(0x10, eax=0x0501) + call(0x10, eax=0x0800) + call(0x10, eax=0x0001) +
         call(0x10, eax=0x1a00) + call(0x10, eax=0x1200, ebx=0x10))
    dap = bytes([0x10, 0, 1, 0]) + u16(0x7e00) + u16(0) + u64(1)
    seed("bios", "disk", u8(3) + ticks + call(0x13, eax=0x0201, ebx=0x7e00, ecx=0x0001, edx=0x0080) +
         call(0x13, eax=0x0800, edx=0x0080) + call(0x13, eax=0x4100, ebx=0x55aa, edx=0x0080) +
         poke(0x600, dap) + call(0x13, eax=0x4200, edx=0x0080, esi=0x600) +
         call(0x13, eax=0x4800, edx=0x80, esi=0x700) + call(0x13, eax=0x0301, ebx=0x7e00, ecx=0x0002, edx=0x0080) +
         call(0x13, eax=0x1500, edx=0x0080) + call(0x13, eax=0x0201, ebx=0x7e00, ecx=0x2812, edx=0x0100) +
         call(0x13, eax=0x0800, edx=0x0000) + call(0x13, eax=0x0100, edx=0x0000) + call(0x13, eax=0x0000))
    seed("bios", "keyboard", u8(0) + ticks + int9(0x1e) + int9(0x9e) + call(0x16, eax=0x0100) +
         call(0x16, eax=0x0000) + int9(0x2a) + int9(0x1e) + int9(0xaa) + call(0x16, eax=0x1000) +
         call(0x16, eax=0x0200) + call(0x16, eax=0x0500, ecx=0x1e61) + call(0x16, eax=0x0000))
    seed("bios", "system", u8(1) + ticks + call(0x1a, eax=0x0000) + call(0x1a, eax=0x0200) +
         call(0x1a, eax=0x0400) + call(0x15, eax=0xe820, edx=0x534d4150, ecx=20, edi=0x500) +
         again(0xe820) + call(0x15, eax=0x8800) + call(0x15, eax=0x8600, ecx=0, edx=1000) +
         u8(6) + u16(0xffff) + u8(10) + u16(100) + again(0x8600) + call(0x12) + call(0x11) +
         call(0x14, eax=0x00e3) + call(0x14, eax=0x0178) + call(0x14, eax=0x0300) + call(0x17, eax=0x0200) +
         call(0x15, eax=0xc000) + call(0x19))

# ---- disk geometry: how, size, CHS triples, overlay ops ----

def disk_geometry():
    def triples(*t):
        out = u8(len(t))
        for c, h, s in t:
            cx = (c & 0xff) << 8 | (c >> 2 & 0xc0) | s
            out += u16(cx) + u8(h) + u32(c) + u16(h) + u8(s)
        return out
    seed("disk_geometry", "floppy", u8(0x40) + u64(1474560) + triples((0, 0, 1), (79, 1, 18), (80, 0, 1)))
    seed("disk_geometry", "hard-disk", u8(0x40) + u64(10 << 20) + triples((20, 15, 63), (0, 16, 1), (1023, 0, 0)))
    seed("disk_geometry", "tiny", u8(0x40) + u64(1024) + triples((0, 0, 2), (0, 0, 3)))
    seed("disk_geometry", "big", u8(0x40) + u64(600 << 20) + triples((1023, 15, 63), (1024, 0, 1)))
    ops = u8(0x01) + u8(0xaa) + u8(0x02) + u8(0xbb) + u8(0xc1) + u8(0x81) + u8(0xc1) + u8(0xc2)
    lbas = b"".join(u64(v) + u8(0) for v in (0, 1, 2, 2, 1 << 40, 7, 8, 0))
    seed("disk_geometry", "overlay", u8(0xc0) + u64(1474560) + u8(0) + lbas + ops)

# ---- exits: 64-byte records (include/event.h) ----

def event(kind, reason=0, length=0, flags=0, gen=0, seq=1, time_ns=1000, rip=0x7c00, u=b""):
    return (u8(kind) + u8(reason) + u8(length) + u8(flags) + u16(gen) + u16(0) + u64(seq) +
            u64(time_ns) + u64(rip) + u.ljust(32, b"\0"))


def io(port, size, out, data, count=1, serial=b""):
    return (u16(port) + u8(size) + u8(1 if out else 0) + u32(count) + data.ljust(8, b"\0") +
            u8(len(serial)) + serial.ljust(7, b"\0"))


def exits():
    EXIT, UART, DEBUGCON, STATE, IRQ, TTY = 1, 2, 3, 4, 5, 6
    IO, HLT, MMIO, SHUTDOWN, FAIL, INTERNAL, SYSEV, DEBUG = 2, 5, 6, 8, 9, 17, 24, 4
    seed("exits", "io", event(EXIT, IO, flags=2, u=io(0x3f8, 1, True, b"H", serial=b"H")) +
         event(EXIT, IO, seq=2, u=io(0x3fd, 1, False, b"\x60")) +
         event(EXIT, IO, seq=3, u=io(0x70, 1, True, b"\x0b")) + event(EXIT, IO, seq=4, u=io(0x71, 1, False, b"\x02")) +
         event(EXIT, IO, seq=5, u=io(0x43, 1, True, b"\x34")) + event(EXIT, IO, seq=6, u=io(0x40, 2, True, b"\x9c\x2e")) +
         event(EXIT, IO, seq=7, u=io(0x3f8, 1, True, b"hello", count=5)) + event(UART, length=3, u=b"\x1b[2J"))
    seed("exits", "others", event(EXIT, HLT) + event(EXIT, MMIO, u=u64(0xfee00000) + u8(4) + u8(1) + b"\x01\x02\x03\x04") +
         event(EXIT, SHUTDOWN) + event(EXIT, FAIL, u=u64(0x80000021) + u32(0)) +
         event(EXIT, INTERNAL, u=u32(1) + u8(3) + b"\x0f\x0b\x90") + event(EXIT, SYSEV, u=u32(2) + u32(1) + u64(7)) +
         event(EXIT, DEBUG, u=u32(1) + u32(0) + u64(0xffff4ff0) + u64(0x7c05)) +
         event(EXIT, 29, u=u32(0x1b) + u32(0) + u64(0xfee00900)) + event(STATE, u=u32(4) + u32(3)) +
         event(DEBUGCON, length=4, u=b"dbg\n") + event(TTY, length=2, u=b"\xb0\xdb"))
    seed("exits", "irq", event(IRQ, u=bytes([0, 8, 0, 0]) + u32(3)) + event(IRQ, u=bytes([4, 0x0c, 1, 0])) +
         event(IRQ, u=bytes([8, 0x70, 2, 0])) + event(EXIT, IO, u=io(0x20, 1, True, b"\x20")))
    bios_u = u16(0xef) + u8(1) + u8(1) + u32(1) + bytes([0x10, 0, 0x0e, 0x41]) + u16(0x0e41) + u16(7) + u16(0) * 6 + u32(0)
    disk_u = u16(0xef) + u8(1) + u8(1) + u32(1) + bytes([0x13, 1, 0x01, 0]) + u16(0x0201) + u16(0x7e00) + u16(1) + u16(0x80) + u16(0) * 4 + u32(0)
    seed("exits", "bios", event(EXIT, IO, flags=4, u=bios_u) + event(EXIT, IO, flags=4, u=disk_u) +
         event(EXIT, IO, flags=4 | 0x80, u=bios_u))
    # Live exits: flag bit 7 lays the bytes into a kvm_run.
    seed("exits", "live", event(EXIT, IO, flags=0x80, u=bytes([1, 1]) + u16(0x3f8) + u32(1) + u64(4096)) +
         event(EXIT, MMIO, flags=0x80, u=u64(0xb8000) + b"\x41\x07" + bytes(6) + u32(2) + u8(1)) +
         event(EXIT, INTERNAL, flags=0x80, u=u32(1) + u32(1) + u64(0)))

# ---- record: recipe (fuzz_record.c) or a real recording ----

def text(s, size):
    return u8(len(s) % size) + s


def record():
    ev = lambda kind, reason, u: u8(1) + event(kind, reason, u=u)
    regs = u8(2) + u64(0b11 << 16) + u64(0x7c05) + u64(0x202)
    kst = u8(3) + u32(1) + u32(1) + u64(0) + b"exits".ljust(40, b"\0") + u64(12)
    raw = ev(1, 2, io(0x3f8, 1, True, b"H")) + regs + ev(1, 5, b"") + kst + ev(4, 0, u32(3))
    header = text(b"hello.bin", 24) + text(b"boot sector", 32) + text(b"real", 16) + u64(16 << 20) + u64(1700000000) + text(b"0.1.0", 32)
    seed("record", "recipe", u8(0) + header + u8(2) + u16(len(raw) - 1) + raw + u16(5) +
         u16(len(raw) - 1) + raw + u16(5) + u8(0))
    seed("record", "recipe-cut", u8(0) + header + u8(1) + u16(len(raw) - 1) + raw + u16(5) + u8(2) + u32(30))
    for name in ("hello", "escape"):
        with open(os.path.join(ROOT, "tests", "recordings", name + ".rec"), "rb") as f:
            seed("record", name, u8(1) + f.read())

# ---- scrollback: lines kept, width, then chunks ----

def scrollback():
    def chunks(*parts):
        return b"".join(u8(len(p) - 1) + p for p in parts)
    seed("scrollback", "text", u8(0x01) + u8(79) + chunks(b"Hello, KVM!\r\n", b"second line\n", b"\tTab\tbed\n"))
    seed("scrollback", "escapes", u8(0x83) + u8(39) + chunks(b"\x1b[2J\x1b[31mred\x07\x7f", b"\x9b\xff\xc3\xa9 x\b\b y\n"))
    seed("scrollback", "long-line", u8(0x02) + u8(200) + chunks(*([b"x" * 96] * 10 + [b"yyyy\tz"])))
    seed("scrollback", "many-lines", u8(0x85) + u8(9) + chunks(*[b"line %d\n" % i for i in range(30)]))

# ---- term_keys: room for keys, then the terminal's bytes ----

def term_keys():
    seed("term_keys", "arrows", u8(64) + b"\x1b[A\x1b[B\x1bOC\x1bOD\x1b[1;5A\x1b[H\x1b[F\x1b[Z")
    seed("term_keys", "fkeys", u8(64) + b"\x1bOP\x1b[11~\x1b[[A\x1b[[E\x1b[24~\x1b[3;2~\x1bOM\x1bOj\x1bOy")
    seed("term_keys", "text", u8(64) + "héllo wörld ✓ 😀\r\n\n\x7f\tq".encode())
    seed("term_keys", "broken", u8(3) + b"\xc3(\xe2\x82\x1b\x1b[\x1b[99999999~\xf0\x9f\x98\x1bx\x1b")


def main():
    cli(); theme(); loader(); uart(); ports(); bios(); disk_geometry(); exits(); record()
    scrollback(); term_keys()
    return 0


if __name__ == "__main__":
    sys.exit(main())
