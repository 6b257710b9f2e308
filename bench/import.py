#!/usr/bin/env python3
"""Measures a client import on a generated data set against a raw COPY of the same rows.

Starts Clientele on the data set (as run.py does), writes a CSV of N clients (semicolon,
UTF-8; a share of them repeat clients the data set already has, by INN or by name), and
for each size:

- floor: a raw ``COPY`` of the new rows into ``clients`` with the columns the importer
  writes, inside a transaction that is rolled back (so the same indexes and generated
  columns are maintained);
- Clientele: ``POST /api/v1/imports`` as the administrator, polled until it is done;
  the old generation of the heap is sampled every half second while it runs.

The imported clients are deleted afterwards, so that the data set
stays the generator's. See bench/README.md and docs/benchmarks.md.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (the harness's helpers: psql, token, wait_for, memory)

HEADER = ["Наименование", "ИНН", "Телефон", "E-mail", "Город", "Отрасль"]
MAPPING = {"Наименование": "name", "ИНН": "inn", "Телефон": "phone", "E-mail": "email", "Город": "city",
           "Отрасль": "industry"}
CITIES = ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Самара", "Тула", "Пермь"]
INDUSTRIES = ["Оптовая торговля", "Строительство", "Логистика", "Производство", "ИТ", "Общепит"]
WORDS = ["Альфа", "Вектор", "Гранит", "Дельта", "Импульс", "Кристалл", "Лидер", "Меридиан", "Орион", "Прогресс",
         "Ресурс", "Сфера", "Техно", "Урал", "Феникс", "Эталон"]


def inn10(number):
    digits = [int(c) for c in f"{number:09d}"]
    check = sum(w * d for w, d in zip([2, 4, 10, 3, 5, 9, 4, 6, 8], digits)) % 11 % 10
    return f"{number:09d}{check}"


def write_files(rows, repeats, directory, seed, admin_id):
    """The CSV Clientele imports, and the COPY text of its new rows for the floor."""
    rnd = random.Random(seed)
    csv_path = os.path.join(directory, f"import-{rows}.csv")
    copy_path = os.path.join(directory, f"import-{rows}.copy")
    run_tag = uuid.uuid4().hex[:6]
    now = time.strftime("%Y-%m-%d %H:%M:%S+00", time.gmtime())
    new_rows = 0
    with open(csv_path, "w", encoding="utf-8", newline="") as csv, \
            open(copy_path, "w", encoding="utf-8", newline="") as copy:
        csv.write(";".join(HEADER) + "\r\n")
        for i in range(rows):
            if repeats and i % 20 == 7:  # one row in twenty is a client the data set already has
                name, inn = repeats[(i // 20) % len(repeats)]
                csv.write(f"\"{name.replace(chr(34), chr(34) * 2)}\";{inn or ''};;;;\r\n")
                continue
            name = f"ООО «{rnd.choice(WORDS)}-{rnd.choice(WORDS)} {run_tag}-{i}»"
            inn = inn10(900_000_000 + rnd.randrange(0, 99_999_999))
            phone = f"+7 958 {i // 10000 % 1000:03d}-{i // 100 % 100:02d}-{i % 100:02d}"
            digits = "7958" + f"{i // 10000 % 1000:03d}{i // 100 % 100:02d}{i % 100:02d}"
            email = f"sales{i}@{run_tag}.bench-import.example"
            city, industry = rnd.choice(CITIES), rnd.choice(INDUSTRIES)
            csv.write(f"\"{name}\";{inn};{phone};{email};{city};{industry}\r\n")
            phones = json.dumps([{"number": "+" + digits, "note": None}], ensure_ascii=False)
            emails = json.dumps([{"address": email, "note": None}], ensure_ascii=False)
            copy.write("\t".join(["ORGANISATION", name, inn, industry, city, phones, emails,
                                  "{" + digits + "}", "{" + email + "}", str(admin_id), str(admin_id), now, now,
                                  "-1", str(i + 2)]) + "\n")
            new_rows += 1
    return csv_path, copy_path, new_rows


def raw_copy(copy_path, admin_id):
    """COPY the new rows into clients, with the columns the importer writes, in a transaction
    that is rolled back (an import row -1 stands for the import); seconds the COPY took."""
    columns = ("kind, name, inn, industry, city, phones, emails, phone_digits, email_lower, responsible_id, "
               "created_by, created_at, updated_at, import_id, import_row")
    script = (f"begin;\n"
              f"insert into imports (id, kind, file_name, file_size, format, state, created_by, created_at) "
              f"overriding system value values (-1, 'CLIENT', 'floor', 0, 'CSV', 'RUNNING', {admin_id}, now());\n"
              f"\\timing on\n"
              f"\\copy clients ({columns}) from '{copy_path}'\n"
              f"\\timing off\n"
              f"rollback;\n")
    out = subprocess.run(["psql", "-h", "localhost", "-p", str(run.DB_PORT), "-U", "postgres", "-d", "clientele",
                          "-v", "ON_ERROR_STOP=1"], input=script, capture_output=True, text=True, check=True).stdout
    return float(re.search(r"COPY \d+\nTime: ([\d.]+) ms", out).group(1)) / 1000


def heap_sampler(pid, stop, samples):
    while not stop.is_set():
        out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True).stdout.split("\n")
        if len(out) > 1:
            fields = dict(zip(out[0].split(), out[1].split()))
            samples.append(float(fields["OU"]) / 1024)
        stop.wait(0.5)


def post_import(token, csv_path):
    out = subprocess.run(["curl", "-s", "-D", "-", "-o", "/dev/null", "-H", "Expect:", "-H", f"Authorization: Bearer {token}",
                          "-F", "kind=CLIENT", "-F", f"file=@{csv_path};type=text/csv",
                          "-F", "mapping=" + json.dumps(MAPPING, ensure_ascii=False), "-F", "duplicates=SKIP",
                          f"http://localhost:{run.APP_PORT}/api/v1/imports"],
                         capture_output=True, text=True, check=True).stdout
    if not out.startswith("HTTP/1.1 202"):
        sys.exit("the import was not accepted:\n" + out)
    return re.search(r"(?im)^location: (\S+)", out).group(1)


def poll(token, location):
    request = urllib.request.Request(location if location.startswith("http")
                                     else f"http://localhost:{run.APP_PORT}{location}",
                                     headers={"Authorization": f"Bearer {token}"})
    while True:
        with urllib.request.urlopen(request, timeout=10) as response:
            status = json.load(response)
        if status["state"] in ("DONE", "FAILED", "CANCELLED"):
            return status
        time.sleep(0.2)


def settle():
    """Vacuums clients, so that every measurement starts from the same state: no dead rows
    of the last one (a rolled-back floor leaves its index entries), the GIN indexes'
    pending lists merged (else the next writer merges them, and pays for the last one)."""
    print("  vacuum clients…", file=sys.stderr, flush=True)
    run.psql("vacuum clients")


def measure(size, ctx, directory, pid):
    csv_path, copy_path, new_rows = write_files(size, ctx["repeats"], directory, size, ctx["admin_id"])
    mb = os.path.getsize(csv_path) / 2**20
    print(f"{size} rows ({new_rows} new, {mb:.0f} MB): floor…", file=sys.stderr, flush=True)
    settle()
    floor_before = raw_copy(copy_path, ctx["admin_id"])
    settle()
    samples, stop = [], threading.Event()
    sampler = threading.Thread(target=heap_sampler, args=(pid, stop, samples))
    sampler.start()
    print(f"{size} rows: import…", file=sys.stderr, flush=True)
    start = time.time()
    location = post_import(ctx["token"], csv_path)
    uploaded = time.time() - start
    status = poll(ctx["token"], location)
    elapsed = time.time() - start
    stop.set()
    sampler.join()
    if status["state"] != "DONE":
        sys.exit(f"the import ended {status['state']}: {status.get('error')}")
    import_id = status["id"]
    worker = run.psql(f"select extract(epoch from finished_at - started_at) from imports where id = {import_id}")
    settle()
    floor_after = raw_copy(copy_path, ctx["admin_id"])
    result = dict(rows=size, new=new_rows, mb=mb, seconds=elapsed, upload=uploaded, worker=float(worker),
                  created=status["created"], skipped=status["skipped"], refused=status["refused"],
                  floor=min(floor_before, floor_after), floors=(floor_before, floor_after),
                  old_gen_max=max(samples) if samples else 0, old_gen_end=samples[-1] if samples else 0,
                  samples=len(samples))
    print(json.dumps({k: v for k, v in result.items()}), file=sys.stderr, flush=True)
    clean_up()
    os.remove(copy_path)
    os.remove(csv_path)
    return result


def clean_up():
    """Deletes the clients this script's imports created (also those of an interrupted run)."""
    print("deleting the imported clients…", file=sys.stderr, flush=True)
    mine = r"select id from imports where file_name ~ '^import-\d+\.csv$'"
    run.psql(f"delete from record_history where record_type = 'CLIENT' and record_id in "
             f"(select id from clients where import_id in ({mine}))")
    run.psql(f"delete from clients where import_id in ({mine})")
    run.psql(f"delete from imports where id in ({mine})")
    # Autovacuum removes the dead rows later (a vacuum of clients here takes minutes: it reads
    # every trigram index through).


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", required=True, help="CLIENTELE_HOME holding a generated data set")
    parser.add_argument("--sizes", default="100000,1000000", help="rows per import, comma-separated")
    parser.add_argument("--heap", default="1g", help="the application's -Xmx (memory must stay flat within it)")
    parser.add_argument("--jvm", action="append", default=[],
                        help="another option for the application's JVM, e.g. a flight recording (repeatable)")
    args = parser.parse_args()

    jar = os.path.join(run.ROOT, "target", "clientele.jar")
    env = dict(os.environ, CLIENTELE_HOME=args.home, PORT=str(run.APP_PORT))
    log = open(os.path.join(tempfile.gettempdir(), "bench-import-clientele.log"), "w")
    app = subprocess.Popen(["java", f"-Xmx{args.heap}", *args.jvm, "-jar", jar, f"--clientele.embedded-db.port={run.DB_PORT}"],
                           env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        run.wait_for(f"http://localhost:{run.APP_PORT}/login", app)
        clean_up()
        ctx = {"token": run.token(run.ADMIN)[0],
               "admin_id": int(run.psql(f"select id from users where username = '{run.ADMIN}'"))}
        # psql's output is stripped: the last line loses the tab before an empty INN
        ctx["repeats"] = [tuple((line + "\t").split("\t")[:2]) for line in run.psql(
            "select name, coalesce(inn, '') from clients where deleted_at is null and merged_into is null "
            "and id % 997 = 0 limit 2000").splitlines()]
        results = [measure(int(size), ctx, tempfile.gettempdir(), app.pid) for size in args.sizes.split(",")]
    finally:
        app.terminate()
        app.wait(60)
    print(f"| rows | new | file | Clientele | rows/s | raw COPY | rows/s | ratio | worker | upload "
          f"| created / skipped / refused | old gen max / end (-Xmx{args.heap}) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for r in results:
        print(f"| {r['rows']:,} | {r['new']:,} | {r['mb']:.0f} MB | {r['seconds']:.1f} s | {r['rows'] / r['seconds']:,.0f} "
              f"| {r['floor']:.1f} s ({r['floors'][0]:.1f} / {r['floors'][1]:.1f}) | {r['new'] / r['floor']:,.0f} "
              f"| {(r['rows'] / r['seconds']) / (r['new'] / r['floor']):.2f} | {r['worker']:.1f} s | {r['upload']:.1f} s "
              f"| {r['created']:,} / {r['skipped']:,} / {r['refused']:,} "
              f"| {r['old_gen_max']:.0f} / {r['old_gen_end']:.0f} MB ({r['samples']} samples) |")


if __name__ == "__main__":
    main()
