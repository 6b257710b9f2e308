#!/usr/bin/env python3
"""Runs Clientele's benchmark scenarios and prints a table (see bench/README.md).

Starts Clientele on a generated data set (CLIENTELE_HOME given by --home) and the reference
app next to it, then measures every scenario three ways in one run: Clientele, the reference
endpoint (same SQL through the bare framework) and the raw SQL (pgbench -M prepared). Each is
measured at saturation (64 HTTP connections; pgbench with as many connections as the apps'
pools) and under a paced load of about a quarter of Clientele's saturation throughput, the
same rate for all three. Load runs on loopback only, for a bounded time.
"""
import argparse
import base64
import datetime
import glob
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
APP_PORT, REF_PORT, DB_PORT = 18080, 18081, 15432  # defaults; --app-port, --ref-port, --db-port
POOL = 4  # Clientele's pool on 2 cores (two per core, at least four), and the reference's
MANAGER, ADMIN, HEAD = "m007", "admin", "h01"


def sh(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw).stdout


def psql(sql):
    return sh("psql", "-h", "localhost", "-p", str(DB_PORT), "-U", "postgres", "-d", "clientele",
              "-At", "-F", "\t", "-c", sql).strip()


def wait_for(url, pid=None, timeout=300):
    start = time.time()
    while time.time() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.time() - start
        except Exception:
            pass
        if pid is not None and pid.poll() is not None:
            sys.exit(f"{url}: the process ended (see its log)")
        time.sleep(0.1)
    sys.exit(f"{url}: not up after {timeout} s")


def token(user):
    secret = f"clt_bench_{user}_0123456789abcdefghijklmnopqrstuv"
    psql(f"""insert into api_tokens(user_id, name, token_hash, token_hint)
             select id, 'bench', sha256(convert_to('{secret}', 'UTF8')), right('{secret}', 4)
               from users where username = '{user}' on conflict do nothing""")
    return secret, hashlib.sha256(secret.encode()).hexdigest()


def session(user, password):
    jar = tempfile.mktemp()
    login = f"http://localhost:{APP_PORT}/login"
    page = sh("curl", "-s", "-c", jar, "-b", jar, login)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    sh("curl", "-s", "-o", "/dev/null", "-c", jar, "-b", jar, "--data-urlencode", f"username={user}",
       "--data-urlencode", f"password={password}", "--data-urlencode", f"_csrf={csrf}", login)
    for line in open(jar):
        if "\tSESSION\t" in line:
            return "SESSION=" + line.split("\t")[-1].strip()
    sys.exit(f"could not sign in as {user}")


LUA = r"""
local mode, paced_delay = "%(mode)s", %(delay)d
local headers = %(headers)s
local first, step, count = %(first)d, %(step)d, %(count)d
local paths = %(paths)s
local body = %(body)s
thread_no, threads = 0, 1
local versions, bases, n = {}, {}, 0
%(data)s
local all_threads = {}
unexpected = 0
function setup(thread)
  thread:set("thread_no", thread_no)
  thread_no = thread_no + 1
  table.insert(all_threads, thread)
end
function init(args)
  threads = %(threads)d
  math.randomseed(os.time() + thread_no * 7919)
end
function request()
  n = n + 1
  if mode == "card" then
    return wrk.format("GET", paths[1] .. (first + step * math.random(0, count - 1)), headers)
  elseif mode == "create" then
    return wrk.format("POST", paths[1], headers, body)
  elseif mode == "consume" then
    -- each request takes its own item (an open action to complete): never the same twice
    local slot = (n - 1) * threads + thread_no + 1
    if slot > #bases then slot = ((slot - 1) %% #bases) + 1 end
    return wrk.format("POST", paths[1] .. bases[slot][1] .. paths[2], headers, bases[slot][2])
  elseif mode == "update" then
    local slot = ((n * threads + thread_no) %% #bases) + 1
    local id = bases[slot][1]
    local doc = string.sub(bases[slot][2], 1, -2) .. ',"notes":"bench ' .. n .. '","version":' .. versions[id] .. '}'
    return wrk.format("PUT", paths[1] .. id, headers, doc)
  else
    return wrk.format("GET", paths[math.random(1, #paths)], headers)
  end
end
function response(status, hdrs, resp)
  if status ~= %(expected)d then unexpected = unexpected + 1 end
  if mode == "update" and status == 200 then
    local id, version = string.match(resp, '^{"id":(%%d+),"version":(%%d+)')
    if id then versions[tonumber(id)] = tonumber(version) end
  end
end
function delay()
  if paced_delay > 0 then return math.random(math.floor(paced_delay / 2), math.floor(paced_delay * 3 / 2)) end
  return 0
end
function count_unexpected()
  local total = 0
  for _, t in ipairs(all_threads) do total = total + (t:get("unexpected") or 0) end
  return total
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.status + e.connect + e.read + e.write + e.timeout + count_unexpected()))
end
"""


def lua_string(text):
    """A Lua long string: raw UTF-8, no escapes (wrk's LuaJIT knows no \\u escapes)."""
    return "[==[" + text + "]==]"


def wrk(port, scenario, connections, seconds, delay_ms=0):
    spec = scenario["http"]
    headers = "{" + ", ".join(f'["{k}"] = "{v}"' for k, v in spec["headers"].items()) + "}"
    data = spec.get("data", "")
    if callable(data):  # read afresh: an earlier run changed the versions
        data = data()
    lua = LUA % dict(mode=spec["mode"], delay=delay_ms, headers=headers, first=spec.get("first", 0),
                     step=spec.get("step", 1), count=spec.get("count", 1),
                     paths="{" + ", ".join(json.dumps(p) for p in spec["paths"]) + "}",
                     body=lua_string(spec.get("body", "")), data=data, threads=2,
                     expected=201 if spec["mode"] == "create" else 200)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(lua)
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", f.name,
                          f"http://localhost:{port}"], capture_output=True, text=True).stdout
    os.unlink(f.name)
    m = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", out)
    if not m:
        raise RuntimeError("wrk gave no result:\n" + out)
    requests, micros, p50, p95, p99, errors = map(int, m.groups())
    return dict(rps=requests / (micros / 1e6), p50=p50 / 1000, p95=p95 / 1000, p99=p99 / 1000, errors=errors)


def pgbench(spec, seconds, rate=None):
    prefix = tempfile.mkdtemp()
    args = ["pgbench", "-n", "-M", "prepared", "-c", str(POOL), "-j", "2", "-T", str(seconds), "-l",
            "--log-prefix", os.path.join(prefix, "log"), "-f", os.path.join(BENCH, "sql", spec["file"])]
    for k, v in spec["vars"].items():
        args += ["-D", f"{k}={v}"]
    if rate:
        args += ["-R", str(max(1, int(rate)))]
    env = dict(os.environ, PGHOST="localhost", PGPORT=str(DB_PORT), PGUSER="postgres",
               PGOPTIONS=spec.get("options", ""))
    out = subprocess.run(args + ["clientele"], capture_output=True, text=True, env=env)
    if out.returncode != 0 or "failed transactions: 0 " not in out.stdout:
        raise RuntimeError("pgbench failed:\n" + out.stdout[-2000:] + out.stderr[-2000:])
    latencies = []
    for log in glob.glob(os.path.join(prefix, "log*")):
        for line in open(log):
            latencies.append(int(line.split()[2]) / 1000)
    shutil.rmtree(prefix)
    latencies.sort()
    tps = float(re.search(r"tps = ([\d.]+)", out.stdout).group(1))

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))]

    return dict(rps=tps, p50=pct(50), p95=pct(95), p99=pct(99), errors=0)


def memory(pid):
    status = open(f"/proc/{pid}/status").read()
    rss = int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024
    peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) // 1024
    heap = sh("jcmd", str(pid), "GC.heap_info")
    used = re.search(r"total (?:reserved )?(\d+)K, (?:committed (\d+)K, )?used (\d+)K", heap)
    return dict(rss=rss, peak=peak, heap=heap.strip().splitlines()[1].strip() if used is None else
                f"{int(used.group(3)) // 1024} MB used of {int(used.group(2) or used.group(1)) // 1024} MB")


def scenarios(ctx):
    manager_h = {"Authorization": "Bearer " + ctx["manager_token"]}
    admin_h = {"Authorization": "Bearer " + ctx["admin_token"]}
    manager_s = {"Cookie": ctx["manager_cookie"]}
    admin_s = {"Cookie": ctx["admin_cookie"]}
    mgr = dict(first=ctx["manager_first"], step=200, count=ctx["clients"] // 200)
    everyone = dict(first=1, step=1, count=ctx["clients"])
    filters = "f.segments=1&f.city=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0&f.cf1=o2"
    card_m = dict(file="card.sql", vars=dict(token=ctx["manager_hash"], **mgr))
    card_a = dict(file="card.sql", vars=dict(token=ctx["admin_hash"], **everyone))
    admin = dict(token=ctx["admin_hash"])
    filtered = dict(admin, segments="{1}", city="%москва%", custom='{"1": "o2"}')
    typed = ["/search/suggest?q=" + urllib.parse.quote(text) for text in search_fragments()]
    raw = dict(file="search-raw.sql", vars={}, options="-c plan_cache_mode=force_custom_plan")
    return [
        dict(name="card API, manager", kind="read",
             http=dict(mode="card", paths=["/api/v1/clients/"], headers=manager_h, **mgr), sql=card_m),
        dict(name="card API, administrator", kind="read",
             http=dict(mode="card", paths=["/api/v1/clients/"], headers=admin_h, **everyone), sql=card_a),
        dict(name="card page, manager", kind="html", api="card API, manager",
             http=dict(mode="card", paths=["/clients/"], headers=manager_s, **mgr), sql=card_m),
        dict(name="card page, administrator", kind="html", api="card API, administrator",
             http=dict(mode="card", paths=["/clients/"], headers=admin_s, **everyone), sql=card_a),
        dict(name="list API, first page", kind="read",
             http=dict(mode="paths", paths=["/api/v1/clients"], headers=admin_h),
             sql=dict(file="list-first.sql", vars=admin)),
        dict(name="list API, page 2,000", kind="read",
             http=dict(mode="paths", paths=["/api/v1/clients?after=" + ctx["cursor"]], headers=admin_h),
             sql=dict(file="list-page.sql", vars=dict(admin, after_name=ctx["after_name"],
                                                       after_id=ctx["after_id"]))),
        dict(name="list API, segment + city + extra field", kind="read",
             http=dict(mode="paths", paths=["/api/v1/clients?" + filters], headers=admin_h),
             sql=dict(file="list-filtered.sql", vars=filtered)),
        dict(name="list API, sorted by name descending", kind="read",
             http=dict(mode="paths", paths=["/api/v1/clients?sort=name&dir=desc"], headers=admin_h),
             sql=dict(file="list-desc.sql", vars=admin)),
        dict(name="list page, first page", kind="html", api="list API, first page",
             http=dict(mode="paths", paths=["/clients"], headers=admin_s),
             sql=dict(file="list-first.sql", vars=admin)),
        dict(name="saved view page (segment + city + extra field)", kind="html",
             api="list API, segment + city + extra field",
             http=dict(mode="paths", paths=[f"/clients?{filters}&view={ctx['view']}"], headers=admin_s),
             sql=dict(file="list-filtered.sql", vars=filtered)),
        dict(name="create client API", kind="write", no_reference=True,
             http=dict(mode="create", paths=["/api/v1/clients"],
                       headers=dict(manager_h, **{"Content-Type": "application/json"}), body=CREATE_BODY),
             sql=dict(file="create.sql", vars=dict(token=ctx["manager_hash"]))),
        dict(name="update client API", kind="write", no_reference=True,
             http=dict(mode="update", paths=["/api/v1/clients/"],
                       headers=dict(manager_h, **{"Content-Type": "application/json"}),
                       data=lambda: update_data(ctx["manager_first"])),
             sql=dict(file="update.sql", vars=dict(token=ctx["manager_hash"], **mgr))),
        dict(name="search as you type, manager", kind="search", raw=raw,
             http=dict(mode="paths", paths=typed, headers=manager_s),
             sql=dict(file="search.sql", vars=ctx["manager_session"])),
        dict(name="search as you type, administrator", kind="search", raw=raw,
             http=dict(mode="paths", paths=typed, headers=admin_s),
             sql=dict(file="search-admin.sql", vars=ctx["admin_session"])),
    ] + (deal_scenarios(ctx) if "deal_ids" in ctx else []) + (activity_scenarios(ctx) if "week" in ctx else []) \
        + (process_scenarios(ctx) if "process_scenario" in ctx else [])


def activity_scenarios(ctx):
    """My tasks, a client's timeline, a department's week, the interaction list and logging a call (10M interactions)."""
    manager_s = {"Cookie": ctx["manager_cookie"]}
    head_s = {"Cookie": ctx["head_cookie"]}
    manager_h = {"Authorization": "Bearer " + ctx["manager_token"]}
    mgr = dict(first=ctx["manager_first"], step=200, count=ctx["clients"] // 200)
    today = datetime.date.today().isoformat()
    week = ctx["week"]
    people = "&".join("people=" + id_ for id_ in ctx["department_people"])
    calendar = f"/calendar/events?start={urllib.parse.quote(week['start'])}&end={urllib.parse.quote(week['end'])}&{people}"
    return [
        dict(name="my tasks page, manager", kind="page",
             http=dict(mode="paths", paths=["/my-tasks"], headers=manager_s),
             sql=dict(file="my-tasks.sql", vars=dict(ctx["manager_session"], **ctx["my_tasks"]))),
        dict(name="client timeline, manager", kind="page",
             http=dict(mode="card", paths=["/timeline/client/"], headers=manager_s, **mgr),
             sql=dict(file="timeline.sql", vars=dict(ctx["manager_session"], today=today, **mgr, **ctx["timeline"]))),
        dict(name="week calendar of 10 people, head", kind="page",
             http=dict(mode="paths", paths=[calendar], headers=head_s),
             sql=dict(file="calendar-week.sql", vars=dict(ctx["head_session"], today=today,
                                                          people="{" + ",".join(ctx["department_people"]) + "}",
                                                          **week["sql"]))),
        dict(name="interaction list page, manager", kind="page",
             http=dict(mode="paths", paths=["/interactions"], headers=manager_s),
             sql=dict(file="interaction-list-page.sql", vars=dict(ctx["manager_session"], **ctx["interaction_list"]))),
        dict(name="create interaction API, manager", kind="write", no_reference=True,
             http=dict(mode="create", paths=["/api/v1/interactions"],
                       headers=dict(manager_h, **{"Content-Type": "application/json"}),
                       body=interaction_body(ctx["manager_first"])),
             sql=dict(file="create-interaction.sql", vars=dict(token=ctx["manager_hash"],
                                                              client_id=ctx["manager_first"], today=today))),
    ]


def process_scenarios(ctx):
    """Starting a route map (a deal opened in process mode) and completing an action, with the data
    set's running processes (generate --only processes)."""
    manager_h = {"Authorization": "Bearer " + ctx["manager_token"], "Content-Type": "application/json"}
    admin_h = {"Authorization": "Bearer " + ctx["admin_token"], "Content-Type": "application/json"}
    body = json.dumps({"clientId": ctx["manager_first"], "subject": PROCESS_DEAL, "scenarioId": ctx["process_scenario"],
                       "mode": "PROCESS_CONTROLLED", "amount": 150000, "currency": "RUB"}, ensure_ascii=False)
    return [
        dict(name="start a process: deal in process mode API, manager", kind="process", no_reference=True,
             http=dict(mode="create", paths=["/api/v1/deals"], headers=manager_h, body=body)),
        dict(name="complete a process action API, admin", kind="process", no_reference=True,
             http=dict(mode="consume", paths=["/api/v1/process-tasks/", "/completion"], headers=admin_h,
                       data=open_actions)),
    ]


PROCESS_DEAL = "Бенчмарк: процесс"

# What completing each of the standard sale's first two actions takes: the checklist, and for
# the proposal the answer "yes" (both leave the process running, at the next action).
COMPLETIONS = {"qualification": '{"ticked":[0,1]}', "proposal": '{"ticked":[0],"answer":"yes"}'}


def open_actions():
    """Open actions to complete, each once, in a random order: read afresh for every wrk run."""
    rows = psql("""select t.task_id, t.activity_id from process_tasks t
        where t.activity_id in ('qualification', 'proposal') and t.deal_id is not null
        order by random() limit 30000""").splitlines()
    lines = []
    for row in rows:
        task, activity = row.split("\t")
        lines.append(f"bases[#bases + 1] = {{{lua_string(task)}, {lua_string(COMPLETIONS[activity])}}}")
    return "\n".join(lines)


def prepare_processes(ctx):
    ctx["process_scenario"] = psql("""select id from sales_scenarios where route_map_key = 'standard-sale'
        and active order by id limit 1""")
    ctx["running_processes"] = int(psql("select count(distinct process_instance_id) from process_tasks"))
    print(f"running processes (with an open action): {ctx['running_processes']}", file=sys.stderr, flush=True)


def cleanup_processes(manager_token):
    """The deals the start scenario opened go to the recycle bin through the API (which ends their
    processes), then out of the data set."""
    rows = psql(f"""select id, version from deals where subject = '{PROCESS_DEAL}'
        and created_by = (select id from users where username = '{MANAGER}') and deleted_at is null""").splitlines()
    for row in rows:
        id_, version = row.split("\t")
        request = urllib.request.Request(f"http://localhost:{APP_PORT}/api/v1/deals/{id_}?version={version}",
                                         method="DELETE", headers={"Authorization": "Bearer " + manager_token})
        try:
            urllib.request.urlopen(request, timeout=30).read()
        except Exception as ex:
            print(f"  could not delete the benchmark's deal {id_}: {ex}", file=sys.stderr, flush=True)
    psql(f"""with gone as (delete from deals where subject = '{PROCESS_DEAL}' and deleted_at is not null
                             and created_by = (select id from users where username = '{MANAGER}') returning id)
             delete from record_history where record_type = 'deal' and record_id in (select id from gone)""")


def interaction_body(client):
    return json.dumps({"kind": "CALL", "state": "DONE", "at": datetime.datetime.now(datetime.timezone.utc)
                      .replace(microsecond=0).isoformat().replace("+00:00", "Z"), "clientId": client,
                       "subject": "Бенчмарк: звонок", "result": "Договорились о встрече", "direction": "OUTGOING",
                       "durationSeconds": 180, "callResult": "ANSWERED", "minutesSpent": 3}, ensure_ascii=False)


def prepare_activities(ctx, password, manager):
    """What the activity scenarios need: the head's session, the week, the names pages show."""
    ctx["head_cookie"] = session(HEAD, password)
    ctx["head_session"] = session_vars(ctx["head_cookie"], HEAD)
    ctx["head_session"]["user_ids"] = "{" + ctx["head_session"]["user_id"] + "}"
    ctx["manager_session"]["user_ids"] = "{" + manager + "}"
    ctx["department_people"] = psql(f"""select string_agg(u.id::text, ' ' order by u.id) from users u
        where u.department_id = (select department_id from users where username = '{HEAD}') and u.role = 'SALES_MANAGER'
          and u.active""").split()
    today = datetime.date.today()
    monday = today - datetime.timedelta(days=today.weekday())
    start = datetime.datetime.combine(monday, datetime.time()).astimezone()
    end = datetime.datetime.combine(monday + datetime.timedelta(days=7), datetime.time()).astimezone()
    ctx["week"] = dict(start=start.isoformat(), end=end.isoformat(), sql={
        "from": start.isoformat(), "to": end.isoformat(), "from_early": (start - datetime.timedelta(days=1)).isoformat(),
        "from_day": (monday - datetime.timedelta(days=1)).isoformat(), "to_day": (monday + datetime.timedelta(days=7)).isoformat()})
    now = datetime.datetime.now().astimezone()
    sunday = monday + datetime.timedelta(days=6)
    clients, deals = psql(f"""select '{{' || coalesce(string_agg(distinct client_id::text, ','), '') || '}}',
               '{{' || coalesce(string_agg(distinct deal_id::text, ','), '') || '}}'
          from (select client_id, deal_id from (select * from tasks where executor_id = {manager} and deleted_at is null
                  and state <> 'DONE' order by coalesce(due_on, date '9999-12-31'), id limit 120) o
                union all
                select client_id, deal_id from (select * from tasks where executor_id = {manager} and deleted_at is null
                  and state = 'DONE' and done_at >= now() - interval '7 days' order by done_at desc limit 20) d) t""").split("\t")
    process_deals = psql(f"""select '{{' || coalesce(string_agg(deal_id::text, ','), '') || '}}' from (
        select deal_id from process_tasks where assignee_id = {manager} and deal_id is not null
         order by (due_at is null), due_at, created_at limit 20) p""")
    ctx["my_tasks"] = dict(now=now.isoformat(), today=today.isoformat(), process_deals=process_deals,
                           tomorrow=(today + datetime.timedelta(days=1)).isoformat(), week_end=sunday.isoformat(),
                           done_since=(now - datetime.timedelta(days=7)).isoformat(), task_clients=clients,
                           task_deals=deals)
    first = ctx["manager_first"]
    row = psql(f"""select
          (select '{{' || coalesce(string_agg(distinct deal_id::text, ','), '') || '}}' from (select deal_id from interactions
            where client_id = {first} and deleted_at is null order by at desc, id desc limit 21) i),
          (select '{{' || coalesce(string_agg(distinct contact_id::text, ','), '') || '}}' from (select contact_id from interactions
            where client_id = {first} and deleted_at is null order by at desc, id desc limit 21) i),
          (select '{{' || coalesce(string_agg(distinct deal_id::text, ','), '') || '}}' from (select deal_id from tasks t
            where client_id = {first} and deleted_at is null order by coalesce(done_at, created_at) desc, id desc limit 21) t)""")
    interaction_deals, interaction_contacts, task_deals = row.split("\t")
    ctx["timeline"] = dict(interaction_deals=interaction_deals, interaction_contacts=interaction_contacts,
                           task_deals=task_deals)
    clients, users = psql(f"""select '{{' || string_agg(distinct client_id::text, ',') || '}}',
               '{{' || string_agg(distinct responsible_id::text, ',') || '}}'
          from (select client_id, responsible_id from interactions c where c.deleted_at is null
                  and (c.responsible_id = {manager} or c.client_responsible_id = {manager}
                       or c.other_reader_ids && array[{manager}::bigint])
                 order by c.at desc, c.id desc limit 50) p""").split("\t")
    ctx["interaction_list"] = dict(page_clients=clients, page_users=users, today=today.isoformat())


def deal_scenarios(ctx):
    """The deals' pages and API (--only deal) and the sales funnel (--only funnel)."""
    manager_h = {"Authorization": "Bearer " + ctx["manager_token"]}
    admin_h = {"Authorization": "Bearer " + ctx["admin_token"]}
    manager_s = {"Cookie": ctx["manager_cookie"]}
    admin_s = {"Cookie": ctx["admin_cookie"]}
    sample = dict(count=len(ctx["deal_ids"]))
    manager_page = dict(ctx["manager_session"], page_clients=ctx["manager_page_clients"],
                        page_users=ctx["manager_page_users"])
    admin_page = dict(ctx["admin_session"], page_clients=ctx["admin_page_clients"], page_users=ctx["admin_page_users"])
    board = dict(ctx["manager_session"], scenario=ctx["board_scenario"], stages=ctx["board_stages"],
                 card_clients=ctx["board_clients"])
    funnel = dict(ctx["admin_session"], **ctx["funnel_period"])
    return [
        dict(name="deal list API, manager", kind="read",
             http=dict(mode="paths", paths=["/api/v1/deals"], headers=manager_h),
             sql=dict(file="deal-list.sql", vars=dict(token=ctx["manager_hash"]))),
        dict(name="deal list API, administrator", kind="read",
             http=dict(mode="paths", paths=["/api/v1/deals"], headers=admin_h),
             sql=dict(file="deal-list-admin.sql", vars=dict(token=ctx["admin_hash"]))),
        dict(name="deal list page, manager", kind="html", api="deal list API, manager",
             http=dict(mode="paths", paths=["/deals"], headers=manager_s),
             sql=dict(file="deal-list-page.sql", vars=manager_page)),
        dict(name="deal list page, administrator", kind="html", api="deal list API, administrator",
             http=dict(mode="paths", paths=["/deals"], headers=admin_s),
             sql=dict(file="deal-list-page-admin.sql", vars=admin_page)),
        dict(name="deal card API, manager", kind="read",
             http=dict(mode="paths", paths=["/api/v1/deals/" + id_ for id_ in ctx["deal_ids"]], headers=manager_h),
             sql=dict(file="deal-card.sql", vars=dict(token=ctx["manager_hash"], **sample))),
        dict(name="deal card page, manager", kind="html", api="deal card API, manager",
             http=dict(mode="paths", paths=["/deals/" + id_ for id_ in ctx["deal_ids"]], headers=manager_s),
             sql=dict(file="deal-card-page.sql", vars=dict(ctx["manager_session"], **sample))),
        # The floor of any page: the profile page is the layout (session, sidebar and its
        # counters, top bar) around a few fields, set beside the deal card API as its page is
        dict(name="deal card page's floor: the layout alone (profile page), manager", kind="html",
             api="deal card API, manager", http=dict(mode="paths", paths=["/account"], headers=manager_s)),
        dict(name="deal board page, manager", kind="page",
             http=dict(mode="paths", paths=[f"/deals/board?scenario={ctx['board_scenario']}"], headers=manager_s),
             sql=dict(file="deal-board.sql", vars=board)),
        dict(name="funnel report page, administrator", kind="page",
             http=dict(mode="paths", paths=[f"/reports/funnel?scenario={id_}" for id_ in ctx["scenarios"]],
                       headers=admin_s),
             sql=dict(file="deal-funnel.sql", vars=funnel)),
    ]


def newest(project):
    """The modification time of the newest source file of a Maven project."""
    times = [os.path.getmtime(os.path.join(project, "pom.xml"))]
    for folder, _, files in os.walk(os.path.join(project, "src")):
        times += [os.path.getmtime(os.path.join(folder, name)) for name in files]
    return max(times)


def search_fragments():
    """The texts typed in the search scenarios: the list in search-raw.sql, which pgbench picks from."""
    text = open(os.path.join(BENCH, "sql", "search-raw.sql"), encoding="utf-8").read()
    return re.findall(r"\(\d+, '([^']*)'", text)


def session_vars(cookie, user):
    """What the search scripts need to read and touch a signed-in user's session."""
    session_id = base64.b64decode(cookie.split("=", 1)[1]).decode()
    primary, user_id, department, username = psql(f"""select s.primary_id, u.id, u.department_id, u.username
        from spring_session s join users u on u.username = s.principal_name
        where s.session_id = '{session_id}'""").split("\t")
    now = int(time.time() * 1000)
    return dict(session=session_id, session_primary=primary, user_id=user_id, department_id=department,
                username=username, per_kind=5, candidates=10, sample=400, now_ms=now, expiry_ms=now + 1_800_000)


CREATE_BODY = json.dumps({
    "kind": "ORGANISATION", "name": "ООО «Бенчмарк»", "inn": "7707083893", "kpp": "770701001",
    "city": "Москва", "industry": "Производство", "phones": [{"number": "+7 495 123-45-67"}],
    "emails": [{"address": "info@bench.example"}],
    "addresses": [{"kind": "LEGAL", "text": "ул. Тверская, д. 1", "city": "Москва", "postcode": "125009"}],
    "segmentIds": [1, 9], "custom": {"1": "o2", "2": 120.5}}, ensure_ascii=False)


def update_data(manager_first):
    rows = psql(f"""select id, version, jsonb_build_object('kind', kind, 'name', name, 'inn', inn, 'kpp', kpp,
        'ogrn', ogrn, 'industry', industry, 'size', company_size, 'website', website, 'foundedOn', founded_on,
        'birthday', birthday, 'lastName', last_name, 'firstName', first_name, 'middleName', middle_name,
        'city', city, 'phones', phones, 'emails', emails, 'addresses', addresses, 'bankAccounts', bank_accounts,
        'segmentIds', segment_ids, 'custom', custom)
        from clients where id >= {manager_first} and (id - {manager_first}) % 200 = 0 and deleted_at is null
        order by id limit 2000""")
    lines = []
    for row in rows.splitlines():
        id_, version, doc = row.split("\t", 2)
        lines.append(f"versions[{id_}] = {version}; bases[#bases + 1] = {{{id_}, {lua_string(doc)}}}")
    return "\n".join(lines)


def prepare(password):
    ctx = {}
    ctx["manager_token"], ctx["manager_hash"] = token(MANAGER)
    ctx["admin_token"], ctx["admin_hash"] = token(ADMIN)
    # The administrator of a fresh data set still has to choose a password: pages would redirect.
    psql(f"update users set must_change_password = false where username = '{ADMIN}'")
    ctx["manager_cookie"] = session(MANAGER, password)
    ctx["admin_cookie"] = session(ADMIN, password)
    ctx["manager_session"] = session_vars(ctx["manager_cookie"], MANAGER)
    ctx["admin_session"] = session_vars(ctx["admin_cookie"], ADMIN)
    ctx["clients"] = int(psql("select max(id) from clients where created_by is null"))
    manager_id = psql(f"select id from users where username = '{MANAGER}'")
    ctx["manager_first"] = int(psql(f"select min(id) from clients where responsible_id = {manager_id}"))
    share = ctx["clients"] // 200
    check = psql(f"""select count(*) from clients where responsible_id = {manager_id} and created_by is null
                     and (id - {ctx['manager_first']}) % 200 = 0 and id < {ctx['manager_first']} + 200 * {share}""")
    if int(check) != share:
        sys.exit("the data set is not a generated set (m007 should hold every 200th client)")
    page = min(99949, ctx["clients"] - 51)  # page 2,000 (on S, which has 200 pages, the last one)
    name, id_ = psql("select lower(name), id from clients where deleted_at is null "
                     f"order by lower(name), id offset {page} limit 1").split("\t")  # once, to find the page
    ctx["after_name"], ctx["after_id"] = name, id_
    ctx["cursor"] = base64.urlsafe_b64encode(json.dumps([name, id_], ensure_ascii=False,
                                                        separators=(",", ":")).encode()).decode().rstrip("=")
    admin_id = psql(f"select id from users where username = '{ADMIN}'")
    ctx["view"] = psql(f"""insert into saved_views (list, name, owner_id, query)
        values ('clients', 'Бенчмарк: Москва, выставка', {admin_id},
                'f.segments=1&f.city=%D0%9C%D0%BE%D1%81%D0%BA%D0%B2%D0%B0&f.cf1=o2&sort=name')
        returning id""").splitlines()[0]
    ctx["manager_id"], ctx["admin_id"] = manager_id, admin_id
    if psql("select exists (select 1 from deals)") == "t":
        prepare_deals(ctx)
    if psql("select exists (select 1 from interactions)") == "t":
        prepare_activities(ctx, password, manager_id)
    if psql("select exists (select 1 from process_tasks)") == "t":
        prepare_processes(ctx)
    return ctx


def prepare_deals(ctx):
    """What the deal scenarios request: the deals whose cards are opened, the board's and the
    funnel's scenarios, and (for pgbench, which cannot take them from an earlier row set) the
    clients and people a list page or the board names, which do not change during a run."""
    manager = ctx["manager_id"]
    # The manager's open deals with a kind, a contact person and no co-executor: every card
    # request then runs the same statements (deal-card.sql). pgbench picks them by number.
    psql(f"""drop table if exists bench_deal_sample;
             create table bench_deal_sample as
             select row_number() over (order by md5(id::text)) as n, id from deals
              where responsible_id = {manager} and state = 'IN_WORK' and deleted_at is null and kind is not null
                and contact_id is not null and co_executor_ids = '{{}}';
             delete from bench_deal_sample where n > 2000;
             alter table bench_deal_sample add primary key (n)""")
    ctx["deal_ids"] = psql("select id from bench_deal_sample order by n").split()
    scenarios = psql("select id from sales_scenarios where active order by position, id").split()
    ctx["scenarios"] = scenarios
    ctx["board_scenario"] = scenarios[0]
    # The board remembers the scenario a user chose and writes only when it changes: m007
    # has chosen this one before, as a user coming back to their board has (deleted at the end).
    psql(f"""insert into deal_board_choices (user_id, scenario_id) values ({manager}, {scenarios[0]})
        on conflict (user_id) do update set scenario_id = excluded.scenario_id""")
    ctx["board_stages"] = psql(f"""select '{{' || string_agg(id::text, ',' order by position, id) || '}}'
        from sales_stages where scenario_id = {scenarios[0]} and active""")
    ctx["board_clients"] = psql(f"""select '{{' || coalesce(string_agg(distinct client_id::text, ','), '') || '}}' from (
        select d.client_id, row_number() over (partition by d.stage_id order by d.expected_close, d.id) as place
          from deals d
         where d.scenario_id = {scenarios[0]} and d.stage_id = any('{ctx["board_stages"]}') and d.state = 'IN_WORK'
           and d.deleted_at is null and (d.responsible_id = {manager} or d.co_executor_ids && array[{manager}::bigint])) x
         where place <= 50""")
    for who, condition in (("manager", f"(c.responsible_id = {manager} or c.co_executor_ids && array[{manager}::bigint])"),
                           ("admin", "true")):
        ctx[f"{who}_page_clients"], ctx[f"{who}_page_users"] = psql(f"""
            select '{{' || string_agg(distinct client_id::text, ',') || '}}',
                   '{{' || (select string_agg(distinct u::text, ',') from unnest(array_agg(responsible_id)
                            || array_agg(x)) u) || '}}'
              from (select c.client_id, c.responsible_id, c.co_executor_ids from deals c
                     where c.deleted_at is null and {condition} order by c.created_at desc, c.id desc limit 50) p
              left join lateral unnest(p.co_executor_ids) x on true""").split("\t")
    today = datetime.date.today()
    start = datetime.datetime.combine(add_months(today, -3), datetime.time()).astimezone()
    end = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time()).astimezone()
    ctx["funnel_period"] = dict(scenario_from=min(map(int, scenarios)), scenario_to=max(map(int, scenarios)),
                                now=datetime.datetime.now().astimezone().isoformat(), **{"from": start.isoformat(),
                                                                                           "to": end.isoformat()})
    if ctx["funnel_period"]["scenario_to"] - ctx["funnel_period"]["scenario_from"] + 1 != len(scenarios):
        sys.exit("deal-funnel.sql picks the scenario by number: the active scenarios' ids must follow each other")


def add_months(day, months):
    """The same day so many months later (earlier when negative), or the month's last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue


def fmt(r):
    return f"{r['rps']:.0f}" if r else "—"


def cpu_ticks(roots):
    """Processor time (clock ticks) used so far by these processes and all their descendants."""
    parents, ticks = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:  # ended meanwhile
                continue
            parents[int(entry)] = int(fields[1])
            ticks[int(entry)] = int(fields[11]) + int(fields[12])

    def under(pid):
        while pid > 1:
            if pid in roots:
                return True
            pid = parents.get(pid, 0)
        return False
    return sum(t for pid, t in ticks.items() if under(pid))


def quiesce(roots, limit=20):
    """Waits until the requests a saturation run left queued are done: Clientele, the reference and
    PostgreSQL together use under a tenth of a core for half a second. Without it the paced run that
    follows measures their tail (the p95 of a search once rose to 670 ms this way)."""
    hz = os.sysconf("SC_CLK_TCK")
    deadline = time.time() + limit
    last = cpu_ticks(roots)
    while time.time() < deadline:
        time.sleep(0.5)
        now = cpu_ticks(roots)
        if (now - last) / hz < 0.05:
            return
        last = now
    print(f"  still busy after {limit} s; measuring anyway", file=sys.stderr, flush=True)


def postmaster(home):
    """The embedded PostgreSQL's main process (its backends are its children)."""
    return int(open(os.path.join(home, "pgdata", "postmaster.pid")).readline())


def measure(scenario, s, app, busy):
    warm = max(3, s // 4)
    wrk(APP_PORT, scenario, 16, warm)  # warm-up (JIT, caches), not counted
    app_sat = wrk(APP_PORT, scenario, 64, s)
    memory_now = memory(app.pid)
    rate = app_sat["rps"] / 4
    delay = int(8 * 1000 / rate) if rate > 0 else 0  # 8 connections pacing to the rate
    quiesce(busy)
    app_paced = wrk(APP_PORT, scenario, 8, s, delay)
    ref_sat = ref_paced = None
    if not scenario.get("no_reference") and scenario["kind"] != "html":
        wrk(REF_PORT, scenario, 16, warm)
        ref_sat = wrk(REF_PORT, scenario, 64, s)
        quiesce(busy)
        ref_paced = wrk(REF_PORT, scenario, 8, s, delay)
    sql_sat = sql_paced = None
    if scenario.get("sql"):
        sql_sat = pgbench(scenario["sql"], s)
        sql_paced = pgbench(scenario["sql"], s, rate)
    raw_sat = raw_paced = None
    if scenario.get("raw"):
        raw_sat = pgbench(scenario["raw"], s)
        raw_paced = pgbench(scenario["raw"], s, rate)
    return dict(app_sat=app_sat, app_paced=app_paced, ref_sat=ref_sat, ref_paced=ref_paced, sql_sat=sql_sat,
                sql_paced=sql_paced, raw_sat=raw_sat, raw_paced=raw_paced, rate=rate, kind=scenario["kind"],
                api=scenario.get("api"), memory=memory_now)


def main():
    global APP_PORT, REF_PORT, DB_PORT
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", required=True, help="CLIENTELE_HOME holding a generated data set")
    parser.add_argument("--password", default="bench-pass-1", help="the data set's password (generate --password)")
    parser.add_argument("--seconds", type=int, default=20, help="length of each measurement")
    parser.add_argument("--warmup", type=int, default=15, help="seconds of load per scenario before measuring")
    parser.add_argument("--only", action="append",
                        help="run only scenarios whose name contains this (may be given several times)")
    parser.add_argument("--out", default=os.path.join(BENCH, "results"), help="where the table is written")
    parser.add_argument("--app-port", type=int, default=APP_PORT, help="Clientele's HTTP port")
    parser.add_argument("--ref-port", type=int, default=REF_PORT, help="the reference app's HTTP port")
    parser.add_argument("--db-port", type=int, default=DB_PORT, help="the embedded PostgreSQL's port")
    args = parser.parse_args()
    APP_PORT, REF_PORT, DB_PORT = args.app_port, args.ref_port, args.db_port

    jar = os.path.join(ROOT, "target", "clientele.jar")
    ref = os.path.join(BENCH, "reference", "target", "reference.jar")
    if not os.path.exists(jar):
        sh(os.path.join(ROOT, "mvnw"), "-q", "-B", "-DskipTests", "package", cwd=ROOT)
    if not os.path.exists(ref) or newest(os.path.join(BENCH, "reference")) > os.path.getmtime(ref):
        # a reference older than its sources answers 404 for endpoints added since
        sh(os.path.join(ROOT, "mvnw"), "-q", "-B", "-f", os.path.join(BENCH, "reference", "pom.xml"),
           "-DskipTests", "package", cwd=ROOT)

    for port in (APP_PORT, REF_PORT, DB_PORT):
        with socket.socket() as probe:
            if probe.connect_ex(("localhost", port)) == 0:
                sys.exit(f"port {port} is in use: another Clientele, reference app or database (still stopping?)")
    env = dict(os.environ, CLIENTELE_HOME=args.home, PORT=str(APP_PORT))
    app_log = open(os.path.join(tempfile.gettempdir(), f"bench-clientele-{APP_PORT}.log"), "w")
    app = subprocess.Popen(["java", "-jar", jar, f"--clientele.embedded-db.port={DB_PORT}"], env=env,
                           stdout=app_log, stderr=subprocess.STDOUT)
    startup = wait_for(f"http://localhost:{APP_PORT}/login", app)
    ref_env = dict(os.environ, PORT=str(REF_PORT), BENCH_SQL_DIR=os.path.join(BENCH, "sql"),
                   BENCH_DB_URL=f"jdbc:postgresql://localhost:{DB_PORT}/clientele?stringtype=unspecified")
    ref_log = open(os.path.join(tempfile.gettempdir(), f"bench-reference-{REF_PORT}.log"), "w")
    reference = subprocess.Popen(["java", "-jar", ref], env=ref_env, stdout=ref_log, stderr=subprocess.STDOUT)
    ctx = None
    try:
        ctx = prepare(args.password)
        wait_for_reference(reference)
        # whose processor time tells when a saturation run's queue has drained (see quiesce)
        busy = {app.pid, reference.pid, postmaster(args.home)}
        mem = None
        results = {}
        chosen = [sc for sc in scenarios(ctx) if not args.only or any(text in sc["name"] for text in args.only)]
        # The JIT needs tens of thousands of calls: warm every path up before measuring any.
        print(f"warming up ({args.warmup} s per scenario)", file=sys.stderr, flush=True)
        for scenario in chosen:
            try:
                wrk(APP_PORT, scenario, 16, args.warmup)
                if not scenario.get("no_reference") and scenario["kind"] != "html":
                    wrk(REF_PORT, scenario, 16, args.warmup)
            except Exception as ex:
                print(f"  {scenario['name']}: warm-up failed: {ex}", file=sys.stderr, flush=True)
        for scenario in chosen:
            print(f"· {scenario['name']}", file=sys.stderr, flush=True)
            try:
                results[scenario["name"]] = measure(scenario, args.seconds, app, busy)
            except Exception as ex:  # one failed scenario must not lose the others' figures
                print(f"  failed: {ex}", file=sys.stderr, flush=True)
                continue
            if mem is None and scenario["kind"] in ("read", "search"):
                mem = results[scenario["name"]].pop("memory")
            results[scenario["name"]].pop("memory", None)
        os.makedirs(args.out, exist_ok=True)
        # the raw figures first: a report that fails must not lose a 20-minute run
        with open(os.path.join(args.out, time.strftime("%Y-%m-%d-%H%M") + ".json"), "w") as f:
            json.dump(dict(results=results, startup=startup, memory=mem), f, indent=1, default=str)
        table = report(results, startup, mem, args)
        print(table)
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, time.strftime("%Y-%m-%d-%H%M") + ".md"), "w") as f:
            f.write(table)
    finally:
        try:
            if ctx and "process_scenario" in ctx:
                cleanup_processes(ctx["manager_token"])
            psql("delete from saved_views where name like 'Бенчмарк:%'")
            # What the deal scenarios added: the card sample and the board's remembered scenario.
            psql("drop table if exists bench_deal_sample")
            psql(f"delete from deal_board_choices where user_id = (select id from users where username = '{MANAGER}')")
            # The calls the interaction scenario logged (by the app and by pgbench), with their history.
            psql(f"""with logged as (delete from interactions where created_by = (select id from users where username = '{MANAGER}')
                                      and subject = 'Бенчмарк: звонок' returning id)
                     delete from record_history where record_type = 'interaction' and record_id in (select id from logged)""")
            # The clients the write scenarios created (by the app and by pgbench): a data set stays
            # the generator's, or a manager's clients and every later figure drift from run to run.
            psql(f"""with created as (delete from clients where created_by = (select id from users where username = '{MANAGER}')
                                       and name in ('ООО «Бенчмарк»', 'ООО «Бенчмарк SQL»') returning id)
                     delete from record_history where record_type = 'client' and record_id in (select id from created)""")
        finally:  # the apps end even when the database is gone
            reference.terminate()
            app.terminate()
            app.wait(60)
            reference.wait(60)


def wait_for_reference(process):
    start = time.time()
    while time.time() - start < 120:
        try:
            urllib.request.urlopen(f"http://localhost:{REF_PORT}/", timeout=2)
            return
        except urllib.error.HTTPError:
            return  # it answers (404 for /)
        except Exception:
            if process.poll() is not None:
                sys.exit("the reference app ended")
            time.sleep(0.2)
    sys.exit("the reference app did not start")


def report(results, startup, mem, args):
    out = [f"Data set: {args.home}; {args.warmup} s of warm-up load per scenario; {args.seconds} s per measurement; "
           f"saturation = 64 connections "
           f"(pgbench: {POOL}); paced = a quarter of Clientele's saturation, the same rate for all three.",
           f"Start-up to the first served page with this data set: {startup:.1f} s (plain jar).",
           f"Clientele's memory under load: heap {mem['heap'] if mem else '—'}, RSS {mem['rss'] if mem else '—'} MB "
           f"(peak {mem['peak'] if mem else '—'} MB).", "",
           "| Scenario | Clientele req/s | reference req/s | raw SQL tps | paced rate/s | Clientele p50 / p95 / p99 ms "
           "| reference p95 ms | raw SQL p95 ms | goal | met |",
           "|---|---:|---:|---:|---:|---|---:|---:|---|---|"]
    for name, r in results.items():
        a, rp = r["app_paced"], r["ref_paced"]
        if rp and not rp["p95"] > 0:
            rp = None  # the reference answered nothing usable: its failures are counted below
            r["ref_sat"] = r["ref_sat"] and dict(r["ref_sat"], errors=max(1, r["ref_sat"].get("errors", 0)))
        goal, met = "", ""
        if r["kind"] == "search":
            raw = r["raw_paced"]["p95"]
            goal = "p95 ≤ 1.5× raw trigram + 5 ms"
            met = ("yes" if a["p95"] <= 1.5 * raw + 5 else "no") + \
                f" ({a['p95']:.1f} ms against {1.5 * raw + 5:.1f}: raw trigram p95 {raw:.2f} ms, " \
                f"{r['raw_sat']['rps']:.0f} tps)"
        elif r["kind"] in ("page", "read") and rp is None:
            goal, met = "as for the reference", "unknown: the reference failed"
        elif r["kind"] == "page":
            goal = "p95 ≤ 3× ref"
            met = ("yes" if a["p95"] <= 3 * rp["p95"] else "no") + f" ({a['p95'] / rp['p95']:.1f}×)"
        elif r["kind"] == "read":
            goal = "p95 ≤ 3× ref, req/s ≥ 50 % ref"
            met = "yes" if a["p95"] <= 3 * rp["p95"] and r["app_sat"]["rps"] >= 0.5 * r["ref_sat"]["rps"] else "no"
            met += f" ({a['p95'] / rp['p95']:.1f}×, {100 * r['app_sat']['rps'] / r['ref_sat']['rps']:.0f} %)"
        elif r["kind"] == "process":
            goal = "p95 ≤ 50 ms"
            met = ("yes" if a["p95"] <= 50 else "no") + f" ({a['p95']:.1f} ms)"
        elif r["kind"] == "html":
            api = results.get(r["api"])
            if api:
                goal = "p95 ≤ 2× its API"
                ratio = a["p95"] / api["app_paced"]["p95"]
                met = ("yes" if ratio <= 2 else "no") + f" ({ratio:.1f}×)"
        else:
            goal = "p95 ≤ raw SQL + 5 ms"
            met = ("yes" if a["p95"] <= r["sql_paced"]["p95"] + 5 else "no") + \
                  f" (+{a['p95'] - r['sql_paced']['p95']:.1f} ms)"
        errors = r["app_sat"]["errors"] + a["errors"]
        ref_errors = (r["ref_sat"] or {}).get("errors", 0) + (rp or {}).get("errors", 0)
        label = name + (f" ({errors} failed or unexpected answers)" if errors else "") + \
            (f" (the reference: {ref_errors} failed or unexpected answers, its figures are void)" if ref_errors else "")
        ref_p95 = f"{rp['p95']:.1f}" if rp else "—"
        sql_p95 = f"{r['sql_paced']['p95']:.2f}" if r["sql_paced"] else "—"
        out.append(f"| {label} | {fmt(r['app_sat'])} | {fmt(r['ref_sat'])} | {fmt(r['sql_sat'])} | {r['rate']:.0f} "
                   f"| {a['p50']:.1f} / {a['p95']:.1f} / {a['p99']:.1f} | {ref_p95} "
                   f"| {sql_p95} | {goal} | {met} |")
    # Page 2,000 against page 1
    first, far = results.get("list API, first page"), results.get("list API, page 2,000")
    if first and far:
        ratio = far["app_paced"]["p95"] / first["app_paced"]["p95"]
        out.append("")
        out.append(f"Page 2,000 against page 1 (paced p95): {ratio:.2f}× (goal ≤ 1.5×: "
                   f"{'met' if ratio <= 1.5 else 'missed'}).")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
