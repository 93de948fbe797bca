#!/usr/bin/env python3
"""A bounded load test of `orbital serve` on loopback: a fixed number of POST /api/v1/compare
requests from CLIENTS concurrent clients (one keep-alive connection each), launch prices
cycling through a list so that no two neighbours ask the same question. Prints p50/p99 latency
and requests per second; fails on any error (a status other than 200, a refused connection) or
on an answer that differs from the sequential answer for the same inputs.

    serve-load.py BASE_URL [--requests N] [--clients C] [--json FILE]
"""
import argparse
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse

PRICES = [50, 100, 150, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000]


def body(price):
    return json.dumps({"orbital": "orbital-1gw-dawn-dusk", "ground": "colossus-1", "set": [f"launch.cost_per_kg_usd={price}"]})


def post(conn, text):
    conn.request("POST", "/api/v1/compare", body=text, headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    return response.status, response.read()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--requests", type=int, default=640)
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--json")
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.base)
    connect = lambda: http.client.HTTPConnection(url.hostname, url.port, timeout=120)

    # The sequential answers, one per price: every concurrent answer must equal its own.
    conn = connect()
    expected, alone = {}, []
    for p in PRICES:
        start = time.perf_counter()
        status, data = post(conn, body(p))
        alone.append(time.perf_counter() - start)
        if status != 200:
            print(f"serve-load: sequential request for ${p}/kg: HTTP {status}: {data[:300]!r}", file=sys.stderr)
            return 1
        expected[p] = data
    conn.close()

    latencies, errors, mismatches = [], [], []
    lock = threading.Lock()
    counter = iter(range(args.requests))
    barrier = threading.Barrier(args.clients + 1)

    def client():
        c = connect()
        barrier.wait()
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            price = PRICES[i % len(PRICES)]
            start = time.perf_counter()
            try:
                status, data = post(c, body(price))
            except Exception as e:  # a refused or dropped connection is an error, never retried
                with lock:
                    errors.append(f"{type(e).__name__}: {e}")
                c.close()
                c = connect()
                continue
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                if status != 200:
                    errors.append(f"HTTP {status}")
                elif data != expected[price]:
                    mismatches.append(price)
        c.close()

    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for t in threads:
        t.start()
    barrier.wait()
    start = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start

    latencies.sort()
    q = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    result = {
        "requests": args.requests, "clients": args.clients, "seconds": round(wall, 2),
        "requests_per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(q[49] * 1000, 1), "p99_ms": round(q[98] * 1000, 1), "max_ms": round(latencies[-1] * 1000, 1),
        "errors": len(errors), "mismatches": len(mismatches),
        "single_client_median_ms": round(statistics.median(alone) * 1000, 1),
    }
    print(f"serve-load: POST /api/v1/compare, {args.requests} requests, {args.clients} concurrent clients: "
          f"p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, {result['requests_per_second']} requests/s, "
          f"{result['errors']} errors, {result['mismatches']} answers differing from the sequential ones; "
          f"one client alone: median {result['single_client_median_ms']} ms")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    if errors:
        print(f"serve-load: first errors: {errors[:5]}", file=sys.stderr)
    return 1 if errors or mismatches or len(latencies) != args.requests else 0


if __name__ == "__main__":
    sys.exit(main())
