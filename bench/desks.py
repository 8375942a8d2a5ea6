"""Several desks on one face store (MariaDB): how fast one desk's changes reach another, how fast a
desk's gallery is ready, what a sync poll costs, re-embedding throughput, bytes per person.

Two desk processes on one throw-away MariaDB database:

* desk A is this process: it loads the real default model, embeds one real LFW photo per person
  (the enrollment sample: the face crop with its 30 % margin and the embedding) and a second photo
  of the same person (the probe), then enrolls and later deletes each person through
  ``backend.people_service`` (with its own face cache);
* desk B is a child process (``--follower``) without TensorFlow: its FaceSync polls the store
  every ``DEFAULT_POLL_SECONDS`` (the desks' default, 2 s) into its gallery cache, and after each
  poll matches every probe against the gallery at the model's threshold, reporting the moment a
  person becomes recognized / stops being recognized.

Latency = B's report time - the moment A started the enrollment (deletion); trials are spaced at
random so that they fall anywhere in B's poll cycle. Then, in this process:

* a sync poll with nothing changed: the whole ``FaceSync.poll`` (client) and the change-counter
  query on the server (MariaDB's query profiler);
* gallery ready from an empty cache and from a warm cache, 10,000 people x 5 samples: synthetic
  random unit embeddings inserted directly (the figure is about sizes, not faces);
* re-embedding throughput: ``backend.face_migration.reembed`` with the real default model on real
  LFW face crops (40 people x 5), stored with their embeddings, re-embedded under another
  fingerprint (the same network: the work is the same as for a new model of that size), aligned
  with the stored landmarks and, second run, with the faces found again in the crops;
* bytes per person in the database (JPEG crops + one model's embeddings; InnoDB figures).

    python bench/desks.py [--trials 20] [--people 10000] [--samples 5] [--reembed-people 40]
                          [--mysql-url mysql://root@127.0.0.1:3306] [--json bench/results/desks.json]
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import random
import secrets
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.report import write_json  # noqa: E402

import numpy as np  # noqa: E402

from backend import open_backend  # noqa: E402
from backend.face_store import FaceModel  # noqa: E402
from backend.face_sync import DEFAULT_POLL_SECONDS, FaceSync, cache_path  # noqa: E402

LFW = REPO.parent / "shared" / "data" / "lfw" / "images"


def pct(values, q) -> float:
    return float(np.percentile(np.asarray(values, float), q)) if values else float("nan")


def summary(values, unit_scale=1.0, digits=3) -> dict:
    v = [x * unit_scale for x in values]
    return {"n": len(v), "median": round(statistics.median(v), digits), "p95": round(pct(v, 95), digits),
            "max": round(max(v), digits), "min": round(min(v), digits)}


# -- the MariaDB server ------------------------------------------------------------------------
class Server:
    def __init__(self, url: str):
        parts = urlsplit(url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 3306
        self.user, self.password = unquote(parts.username or "root"), unquote(parts.password or "")
        self.databases: list[str] = []

    def connect(self, database=None, autocommit=True):
        import pymysql

        return pymysql.connect(host=self.host, port=self.port, user=self.user, password=self.password,
                               database=database, charset="utf8mb4", autocommit=autocommit)

    def new_database(self) -> str:
        name = f"facebench_desks_{secrets.token_hex(4)}"
        conn = self.connect()
        with conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci")
        conn.close()
        self.databases.append(name)
        return name

    def url(self, database: str) -> str:
        return f"mysql://{self.user}@{self.host}:{self.port}/{database}"

    def cleanup(self) -> None:
        conn = self.connect()
        with conn.cursor() as cur:
            for name in self.databases:
                cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
        conn.close()


# -- desk B: a follower process ------------------------------------------------------------------
def follower(args) -> int:
    """Poll the store every DEFAULT_POLL_SECONDS; after each poll, say who became (un)recognized."""
    logging.basicConfig(level=logging.WARNING)
    from recognition.gallery import Gallery

    data = np.load(args.probes, allow_pickle=False)
    numbers, probes = [str(n) for n in data["numbers"]], data["probes"]
    threshold, fingerprint = float(data["threshold"]), str(data["fingerprint"])
    model = FaceModel(fingerprint, "default")
    backend = open_backend(args.db_url, password=args.password, outbox_path=Path(args.cache) / "outbox.db")
    gallery = Gallery.open(cache_path(args.cache, fingerprint), fingerprint, "default")
    sync = FaceSync(gallery, model)
    state = dict.fromkeys(numbers, False)
    interval = args.interval
    next_poll = time.monotonic()
    first = True
    while True:
        report = sync.poll(backend)
        now = time.time()
        matches = gallery.match(probes, threshold)
        for number, match in zip(numbers, matches):
            recognized = match.key == number
            if recognized != state[number]:
                state[number] = recognized
                print(json.dumps({"event": "recognized" if recognized else "forgotten", "number": number,
                                  "t": now}), flush=True)
        if first:
            print(json.dumps({"event": "ready", "t": now, "poll_s": report.seconds}), flush=True)
            first = False
        next_poll += interval
        wait = max(0.0, next_poll - time.monotonic())
        ready, _, _ = select.select([sys.stdin], [], [], wait)
        if ready and not sys.stdin.readline():
            backend.close()
            return 0


# -- desk A and the figures ---------------------------------------------------------------------
def lfw_people(min_images: int, count: int, skip: int = 0) -> list[str]:
    names = sorted(p.name for p in LFW.iterdir() if p.is_dir()
                   and sum(1 for _ in p.glob("*.jpg")) >= min_images)
    if len(names) < skip + count:
        raise SystemExit(f"only {len(names)} LFW people have {min_images} photos")
    return names[skip:skip + count]


def lfw_sample(recognizer, name: str, index: int):
    """The enrollment sample of one LFW photo as the desk makes it, or None (no face)."""
    import cv2

    from backend.face_store import NewSample
    from recognition.samples import photo_sample

    image = cv2.imread(str(LFW / name / f"{name}_{index:04d}.jpg"))
    faces = recognizer.embed(image)
    if not faces:
        return None
    face = faces[0]
    return NewSample.of(photo_sample(recognizer, image, face.box, face.landmarks, face.score, face.chip),
                        face.embedding)


def propagation(args, server: Server, recognizer, tmp: Path) -> dict:
    from backend import people_service
    from recognition.gallery import Gallery

    database = server.new_database()
    url = server.url(database)
    model = FaceModel(recognizer.spec.fingerprint, recognizer.spec.name)
    people, samples, probes = [], [], []
    for name in lfw_people(2, args.trials * 2):
        sample = lfw_sample(recognizer, name, 1)
        probe = lfw_sample(recognizer, name, 2)
        if sample is not None and probe is not None:
            people.append(name)
            samples.append(sample)
            probes.append(probe.embedding)
        if len(people) == args.trials:
            break
    numbers = [f"D{i:04d}" for i in range(len(people))]
    probe_file = tmp / "probes.npz"
    np.savez(probe_file, numbers=np.asarray(numbers), probes=np.stack(probes),
             threshold=recognizer.threshold, fingerprint=model.fingerprint)
    desk_a = open_backend(url, password=server.password, outbox_path=tmp / "a-outbox.db")
    sync_a = FaceSync(Gallery.open(cache_path(tmp / "a", model.fingerprint), model.fingerprint, model.name),
                      model)
    b_cache = tmp / "b"
    b_cache.mkdir()
    child = subprocess.Popen([sys.executable, __file__, "--follower", "--db-url", url, "--password",
                              server.password, "--cache", str(b_cache), "--probes", str(probe_file),
                              "--interval", str(args.interval)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    events: list[dict] = []

    def wait_for(event: str, number: str | None, timeout: float = 30.0) -> dict:
        deadline = time.monotonic() + timeout
        for e in events:
            if e["event"] == event and e.get("number") == number:
                return e
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                raise RuntimeError("desk B ended")
            e = json.loads(line)
            events.append(e)
            if e["event"] == event and e.get("number") == number:
                return e
        raise TimeoutError(f"desk B did not report {event} {number} within {timeout} s")

    rng = random.Random(7)
    enroll_latency, delete_latency, enroll_ids = [], [], []
    try:
        wait_for("ready", None)
        print(f"desk B follows the store every {args.interval} s; {len(people)} enrollments ...", flush=True)
        for number, name, sample in zip(numbers, people, samples):
            time.sleep(rng.uniform(0.3, 0.3 + args.interval))
            t0 = time.time()
            person = people_service.enroll_person(desk_a, sync_a, [sample], desk="Desk A", person_number=number,
                                                  name=name.replace("_", " "))
            enroll_ids.append(person.id)
            enroll_latency.append(wait_for("recognized", number)["t"] - t0)
        print(f"... {len(people)} deletions ...", flush=True)
        for number, person_id in zip(numbers, enroll_ids):
            time.sleep(rng.uniform(0.3, 0.3 + args.interval))
            t0 = time.time()
            people_service.delete_person(desk_a, sync_a, person_id)
            delete_latency.append(wait_for("forgotten", number)["t"] - t0)
    finally:
        child.stdin.close()
        child.wait(30)
    poll = poll_cost(server, database, desk_a, sync_a, args.polls)
    desk_a.close()
    return {"desk_b": "child process, FaceSync + gallery, no TensorFlow; probes of a 2nd LFW photo",
            "poll_interval_s": args.interval, "people": len(people),
            "enroll_to_recognized_s": summary(enroll_latency),
            "delete_to_unrecognized_s": summary(delete_latency), "poll_nothing_changed": poll}


def poll_cost(server: Server, database: str, backend, sync, polls: int) -> dict:
    """A poll when nothing changed: FaceSync.poll on the client; the counter query on the server."""
    sync.poll(backend)
    client = []
    for _ in range(polls):
        t = time.perf_counter()
        report = sync.poll(backend)
        client.append(time.perf_counter() - t)
        assert report.changes == 0
    conn = server.connect(database)
    with conn.cursor() as cur:
        cur.execute("SET SESSION profiling_history_size = 100")
        cur.execute("SET SESSION profiling = 1")
        round_trip = []
        for _ in range(100):
            t = time.perf_counter()
            cur.execute("SELECT store_id, last_change_id FROM face_change_counter WHERE id = 1")
            cur.fetchall()
            round_trip.append(time.perf_counter() - t)
        cur.execute("SHOW PROFILES")
        server_times = [float(r[1]) for r in cur.fetchall() if "face_change_counter" in r[2]]
    conn.close()
    return {"client_poll_ms": summary(client, 1000), "query_round_trip_ms": summary(round_trip, 1000),
            "server_query_ms": summary(server_times, 1000, 4)}


def scaling(args, server: Server, recognizer, tmp: Path) -> dict:
    """10,000 people x 5 synthetic samples: a desk's gallery from an empty and from a warm cache."""
    from recognition.gallery import Gallery

    database = server.new_database()
    url = server.url(database)
    fingerprint = recognizer.spec.fingerprint
    dim = recognizer.spec.embedding_size
    backend = open_backend(url, password=server.password, outbox_path=tmp / "s-outbox.db")
    backend.close()
    rng = np.random.default_rng(11)
    t = time.perf_counter()
    conn = server.connect(database, autocommit=False)
    with conn.cursor() as cur:
        now = "2024-01-01 09:00:00.000"
        cur.executemany("INSERT INTO people (person_number, name, created_at, updated_at) VALUES (%s, %s, %s, %s)",
                        [(f"S{i:06d}", f"Person {i}", now, now) for i in range(args.people)])
        cur.execute("SELECT MIN(id) FROM people")
        first = cur.fetchone()[0]
        cur.execute("INSERT INTO face_models (fingerprint, name, dim) VALUES (%s, %s, %s)",
                    (fingerprint, recognizer.spec.name, dim))
        total = args.people * args.samples
        for start in range(0, total, 5000):
            n = min(5000, total - start)
            cur.executemany("INSERT INTO face_samples (id, person_id, source, desk, created_at) "
                            "VALUES (%s, %s, 'live', 'bench', %s)",
                            [(start + k + 1, first + (start + k) // args.samples, now) for k in range(n)])
            vectors = rng.normal(size=(n, dim)).astype(np.float32)
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            cur.executemany("INSERT INTO face_embeddings (sample_id, model_fingerprint, dim, embedding) "
                            "VALUES (%s, %s, %s, %s)",
                            [(start + k + 1, fingerprint, dim, vectors[k].astype("<f4").tobytes())
                             for k in range(n)])
        cur.execute("UPDATE face_change_counter SET last_change_id = 1 WHERE id = 1")
        cur.execute("INSERT INTO face_changes (change_id, person_id) VALUES (1, %s)", (first,))
        conn.commit()
        for table in ("people", "face_samples", "face_embeddings"):
            cur.execute(f"ANALYZE TABLE {table}")
            cur.fetchall()
        cur.execute("SELECT SUM(data_length + index_length) FROM information_schema.tables "
                    "WHERE table_schema = %s AND table_name IN ('face_samples', 'face_embeddings')", (database,))
        innodb_bytes = int(cur.fetchone()[0])
    conn.close()
    load_s = time.perf_counter() - t
    print(f"loaded {args.people:,} people x {args.samples} synthetic samples in {load_s:.1f} s", flush=True)
    model = FaceModel(fingerprint, recognizer.spec.name)
    cold, cold_ready, warm_open, warm_first_poll = [], [], [], []
    for run in range(args.repeats):
        folder = tmp / f"cold{run}"
        backend = open_backend(url, password=server.password, outbox_path=tmp / "s-outbox.db")
        t = time.perf_counter()
        gallery = Gallery.open(cache_path(folder, fingerprint), fingerprint, model.name)
        sync = FaceSync(gallery, model)
        report = sync.poll(backend)                 # reload: pages + swap + catch-up + cache save
        cold.append(time.perf_counter() - t)
        t = time.perf_counter()
        gallery.save()
        cold_ready.append(cold[-1] - (time.perf_counter() - t))   # ready before the file is written
        assert report.reloaded and len(gallery) == args.people
        t = time.perf_counter()
        warm = Gallery.open(cache_path(folder, fingerprint), fingerprint, model.name)
        warm_sync = FaceSync(warm, model)
        warm_open.append(time.perf_counter() - t)
        assert warm.size == args.people * args.samples and warm.match(np.ones((1, dim)), 0.5)
        t = time.perf_counter()
        assert not warm_sync.poll(backend).reloaded
        warm_first_poll.append(time.perf_counter() - t)
        backend.close()
    return {"people": args.people, "samples_per_person": args.samples, "embeddings": "synthetic random unit vectors",
            "cold_cache_to_saved_s": summary(cold), "cold_cache_ready_s": summary(cold_ready),
            "warm_cache_open_s": summary(warm_open), "warm_cache_first_poll_s": summary(warm_first_poll),
            "innodb_bytes_per_person_embeddings_only": round(innodb_bytes / args.people)}


def reembedding(args, server: Server, recognizer, tmp: Path) -> dict:
    """Re-embed real LFW crops with the real default model; bytes per person with real crops."""
    import cv2

    from desk import models as desk_models
    from backend import people_service
    from backend.face_migration import reembed

    database = server.new_database()
    url = server.url(database)
    backend = open_backend(url, password=server.password, outbox_path=tmp / "r-outbox.db")
    model = FaceModel(recognizer.spec.fingerprint, recognizer.spec.name)
    people = 0
    for name in lfw_people(args.samples, args.reembed_people, skip=0):
        samples = [s for s in (lfw_sample(recognizer, name, i) for i in range(1, args.samples + 1)) if s]
        if samples:
            people_service.enroll_person(backend, None, samples, model=model, person_number=name[:64],
                                         name=name.replace("_", " ")[:128])
            people += 1
    coverage = backend.faces.coverage()
    payload = _payload(server, database, model.fingerprint)
    tools = desk_models.face_model_tools(recognizer)
    # trace the detector canvas once; embed_images takes stored images, i.e. encoded bytes (an array
    # here made the whole part crash since the face store's refactor)
    tools.embed_images([cv2.imencode(".jpg", np.zeros((200, 200, 3), np.uint8))[1].tobytes()], [None])
    target = FaceModel("bench-reembed-" + model.fingerprint[:40], "default model, re-embedded")
    report = reembed(backend, target, tools.embed_images, progress=True)
    again = FaceModel("bench-redetect-" + model.fingerprint[:40], "default model, faces found again")
    redetected = reembed(backend, again, tools.embed_images, redetect=True, progress=True)
    old = backend.faces.people_faces(range(1, people + 10), model.fingerprint)
    new = backend.faces.people_faces(range(1, people + 10), target.fingerprint)
    distances = [float(d) for pid in old for d in np.linalg.norm(old[pid].embeddings - new[pid].embeddings, axis=1)
                 if len(new[pid].embeddings) == len(old[pid].embeddings)]
    backend.close()
    return {"samples": coverage.samples, "people": people, "embedded": report.embedded,
            "failed": len(report.failed), "seconds": round(report.seconds, 2),
            "samples_per_s": round(report.samples_per_second, 1),
            "samples_per_s_redetect": round(redetected.samples_per_second, 1),
            "failed_redetect": len(redetected.failed),
            "reembedded_vs_live_distance": summary(distances, 1, 4) if distances else None,
            "bytes_per_person": payload}


def _payload(server: Server, database: str, fingerprint: str) -> dict:
    conn = server.connect(database)
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(DISTINCT person_id), COUNT(*), SUM(LENGTH(image)) FROM face_samples")
        people, samples, image_bytes = cur.fetchone()
        cur.execute("SELECT SUM(LENGTH(embedding)) FROM face_embeddings WHERE model_fingerprint = %s",
                    (fingerprint,))
        embedding_bytes = int(cur.fetchone()[0])
        for table in ("face_samples", "face_embeddings"):
            cur.execute(f"ANALYZE TABLE {table}")
            cur.fetchall()
        cur.execute("SELECT SUM(data_length + index_length) FROM information_schema.tables "
                    "WHERE table_schema = %s AND table_name IN ('face_samples', 'face_embeddings')", (database,))
        innodb = int(cur.fetchone()[0])
    conn.close()
    return {"samples_per_person": round(samples / people, 2),
            "jpeg_bytes_per_person": round(int(image_bytes) / people),
            "embedding_bytes_per_person_one_model": round(embedding_bytes / people),
            "payload_bytes_per_person": round((int(image_bytes) + embedding_bytes) / people),
            "innodb_bytes_per_person": round(innodb / people),
            "note": "InnoDB figure from a small table (16 KB pages, blobs off-page): indicative"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=20, help="enrollments (and deletions) timed")
    parser.add_argument("--interval", type=float, default=DEFAULT_POLL_SECONDS, help="desk B's poll interval")
    parser.add_argument("--polls", type=int, default=300, help="polls timed for the nothing-changed figure")
    parser.add_argument("--people", type=int, default=10_000, help="people of the start-up figure")
    parser.add_argument("--samples", type=int, default=5, help="samples per person")
    parser.add_argument("--repeats", type=int, default=3, help="runs of the start-up figures")
    parser.add_argument("--reembed-people", type=int, default=40, help="LFW people (x samples) re-embedded")
    parser.add_argument("--model-dir", help="model directory (default: the default model)")
    parser.add_argument("--mysql-url", default=os.environ.get("FACE_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306"),
                        help="admin account that may create/drop the throw-away databases")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--follower", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db-url", help=argparse.SUPPRESS)
    parser.add_argument("--password", default="", help=argparse.SUPPRESS)
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    parser.add_argument("--probes", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.follower:
        return follower(args)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    logging.basicConfig(level=logging.WARNING)
    from recognition import FaceRecognizer

    wall = time.perf_counter()
    server = Server(args.mysql_url)
    recognizer = FaceRecognizer.load(args.model_dir, min_face_size=40)
    report = {"machine": {"platform": platform.platform(), "python": platform.python_version(),
                         "cpus": os.cpu_count(), "load_at_start": os.getloadavg()},
              "model": recognizer.spec.name}
    try:
        with tempfile.TemporaryDirectory(prefix="facebench-desks-") as tmp:
            tmp = Path(tmp)
            report["propagation"] = propagation(args, server, recognizer, tmp)
            p = report["propagation"]
            print(f"enroll at A -> recognized at B: median {p['enroll_to_recognized_s']['median']} s, "
                  f"p95 {p['enroll_to_recognized_s']['p95']} s")
            print(f"delete at A -> not recognized at B: median {p['delete_to_unrecognized_s']['median']} s, "
                  f"p95 {p['delete_to_unrecognized_s']['p95']} s")
            q = p["poll_nothing_changed"]
            print(f"poll with nothing changed: client {q['client_poll_ms']['median']} ms (p95 "
                  f"{q['client_poll_ms']['p95']}), server query {q['server_query_ms']['median']} ms (p95 "
                  f"{q['server_query_ms']['p95']})", flush=True)
            report["startup"] = scaling(args, server, recognizer, tmp)
            s = report["startup"]
            print(f"gallery of {args.people:,} x {args.samples}: empty cache -> ready {s['cold_cache_ready_s']['median']} s "
                  f"(saved {s['cold_cache_to_saved_s']['median']} s); warm cache open "
                  f"{s['warm_cache_open_s']['median']} s, first poll {s['warm_cache_first_poll_s']['median']} s",
                  flush=True)
            report["reembed"] = reembedding(args, server, recognizer, tmp)
            r = report["reembed"]
            print(f"re-embedding: {r['samples_per_s']} samples/s with the stored landmarks, "
                  f"{r['samples_per_s_redetect']} samples/s finding the faces again ({r['embedded']} samples, "
                  f"{r['failed']} / {r['failed_redetect']} failed)")
            b = r["bytes_per_person"]
            print(f"bytes per person ({b['samples_per_person']} samples): JPEG {b['jpeg_bytes_per_person']:,} + "
                  f"embeddings {b['embedding_bytes_per_person_one_model']:,} = {b['payload_bytes_per_person']:,} "
                  f"payload; InnoDB {b['innodb_bytes_per_person']:,}; embeddings only at 10k people: "
                  f"{s['innodb_bytes_per_person_embeddings_only']:,}")
    finally:
        server.cleanup()
    report["machine"]["load_at_end"] = os.getloadavg()
    report["wall_s"] = round(time.perf_counter() - wall, 1)
    print(f"wall time {report['wall_s']} s")
    write_json(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
