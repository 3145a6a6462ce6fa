"""Screening records: the SQLAlchemy model and every query on it (the only module that touches this DB).

A record keeps what an audit needs and nothing more: the verdict, the rules that fired, the rule data's
version, the channel, the time, and a salted hash of the sender id. No free text, no name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from collections import Counter, deque
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Deque, Dict, Iterator, List, Optional, Tuple

from sqlalchemy import (
    Column,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    func,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base, sessionmaker

logger = logging.getLogger(__name__)

Base = declarative_base()
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def utcnow() -> dt.datetime:
    """Timezone-aware current time (stored as UTC)."""
    return dt.datetime.now(dt.timezone.utc)


class ScreeningRecord(Base):
    """One completed screening."""

    __tablename__ = "screening_records"

    id = Column(Integer, primary_key=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    sender_hash = Column(String(64), nullable=False, index=True)
    channel = Column(String(32), nullable=False)
    verdict = Column(String(32), nullable=False, index=True)
    fired_rules = Column(String(512), nullable=False, default="")  # comma-separated rule ids
    rules_version = Column(String(32), nullable=False)


def sender_hash(sender_id: str, salt: str) -> str:
    """HMAC-SHA256 of the sender id: records can be deleted per person but not read back to one."""
    return hmac.new(salt.encode(), sender_id.encode(), hashlib.sha256).hexdigest()


class Records:
    """Screening records in one database; the engine is created on first use."""

    def __init__(self, url: str, salt: str) -> None:
        self.url = url
        self.salt = salt
        self._engine: Optional[Engine] = None
        self._sessions: Optional[sessionmaker] = None

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (SQLite folders are created as needed)."""
        if self._engine is None:
            if self.url.startswith("sqlite:///"):
                Path(self.url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
            self._engine = create_engine(self.url, pool_pre_ping=True, future=True)
            self._sessions = sessionmaker(self._engine, future=True, expire_on_commit=False)
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        self.engine  # noqa: B018 - creates the session factory
        with self._sessions() as session, session.begin():
            yield session

    def migrate(self) -> None:
        """Apply pending Alembic migrations (the schema is never created any other way)."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def add_screening(
        self,
        sender_id: str,
        channel: str,
        verdict: str,
        fired_rules: List[str],
        rules_version: str,
        created_at: Optional[dt.datetime] = None,
    ) -> None:
        """Store one completed screening (at ``created_at``, by default now)."""
        with self.session() as session:
            session.add(
                ScreeningRecord(
                    created_at=created_at or utcnow(),
                    sender_hash=sender_hash(sender_id, self.salt),
                    channel=(channel or "unknown")[:32],
                    verdict=verdict,
                    fired_rules=",".join(fired_rules)[:512],
                    rules_version=rules_version,
                )
            )

    def count_for(self, sender_id: str) -> int:
        """How many records a sender has."""
        with self.session() as session:
            query = select(func.count()).where(
                ScreeningRecord.sender_hash == sender_hash(sender_id, self.salt)
            )
            return session.execute(query).scalar_one()

    def delete_sender(self, sender_id: str) -> int:
        """Delete every record of one sender; how many were deleted."""
        with self.session() as session:
            query = delete(ScreeningRecord).where(
                ScreeningRecord.sender_hash == sender_hash(sender_id, self.salt)
            )
            return session.execute(query).rowcount

    def purge_before(self, cutoff: dt.datetime) -> int:
        """Delete records created before the cutoff; how many were deleted."""
        with self.session() as session:
            return session.execute(
                delete(ScreeningRecord).where(ScreeningRecord.created_at < cutoff)
            ).rowcount

    def summary(
        self, start: dt.datetime, end: dt.datetime
    ) -> Tuple[Dict[str, int], Counter, Dict[str, Dict[str, int]]]:
        """Verdict counts, fired-rule counts and verdicts per day, for records in [start, end)."""
        with self.session() as session:
            rows = session.execute(
                select(ScreeningRecord.created_at, ScreeningRecord.verdict, ScreeningRecord.fired_rules)
                .where(ScreeningRecord.created_at >= start, ScreeningRecord.created_at < end)
                .order_by(ScreeningRecord.created_at)
            ).all()
        verdicts: Dict[str, int] = Counter()
        rules: Counter = Counter()
        per_day: Dict[str, Dict[str, int]] = {}
        for created_at, verdict, fired in rows:
            verdicts[verdict] += 1
            rules.update(r for r in fired.split(",") if r)
            day = per_day.setdefault(created_at.date().isoformat(), Counter())
            day[verdict] += 1
        return dict(verdicts), rules, per_day


# Rasa's own table in the tracker store database (read for reports, purged for retention).
_rasa_metadata = MetaData()
RasaEvents = Table(
    "events",
    _rasa_metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255)),
    Column("type_name", String(255)),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
)


class Conversations:
    """Read-only reports and retention over Rasa's tracker store (its `events` table)."""

    def __init__(self, url: str) -> None:
        self.engine = create_engine(url, pool_pre_ping=True, future=True)

    def _exists(self) -> bool:
        from sqlalchemy import inspect

        return inspect(self.engine).has_table("events")

    def stats(self, start: dt.datetime, end: dt.datetime) -> Dict[str, int]:
        """Conversations, doctor referrals and emergency replies in [start, end)."""
        if not self._exists():
            return {"conversations": 0, "doctor_referrals": 0, "red_flag_escalations": 0}
        window = (RasaEvents.c.timestamp >= start.timestamp(), RasaEvents.c.timestamp < end.timestamp())
        with self.engine.connect() as connection:
            conversations = connection.execute(
                select(func.count(func.distinct(RasaEvents.c.sender_id))).where(*window)
            ).scalar_one()

            def actions(name: str) -> int:
                query = select(func.count()).where(*window, RasaEvents.c.action_name == name)
                return connection.execute(query).scalar_one()

            return {
                "conversations": conversations,
                "doctor_referrals": actions("utter_doctor_referral"),
                "red_flag_escalations": actions("utter_emergency"),
            }

    def purge_before(self, cutoff: dt.datetime) -> int:
        """Delete whole conversations whose latest event is older than the cutoff.

        Only whole conversations: Rasa counts a conversation's stored events to decide what to insert,
        so deleting part of a live one would make it re-insert them.
        """
        if not self._exists():
            return 0
        stale = (
            select(RasaEvents.c.sender_id)
            .group_by(RasaEvents.c.sender_id)
            .having(func.max(RasaEvents.c.timestamp) < cutoff.timestamp())
        )
        with self.engine.begin() as connection:
            senders = [row[0] for row in connection.execute(stale)]
            for start in range(0, len(senders), 500):
                chunk = senders[start : start + 500]
                connection.execute(delete(RasaEvents).where(RasaEvents.c.sender_id.in_(chunk)))
        return len(senders)

    def event_count(self, sender_id: str) -> int:
        """How many events a sender has stored."""
        if not self._exists():
            return 0
        with self.engine.connect() as connection:
            query = select(func.count()).where(RasaEvents.c.sender_id == sender_id)
            return connection.execute(query).scalar_one()


_records: Optional[Records] = None


def default_records() -> Records:
    """The action server's records database, from the settings (created once per process)."""
    global _records
    if _records is None:
        from padsafety.settings import settings

        config = settings()
        if not config.records_salt:
            raise RuntimeError("RECORDS_SALT is empty: set it in .env (`make run` writes a random one)")
        records = Records(config.records_db_url, config.records_salt)
        records.migrate()  # pending migrations are applied when the action server first needs the DB
        _records = records
    return _records


class OutageBuffer:
    """The action server's writes to the records database, kept in memory while the database is down.

    A screening finished or a forget-me asked for during an outage is not lost: the write waits here (in
    order, at most ``limit`` of them; a forget-me also drops the sender's waiting records) and is applied
    when a later write finds the database back. The outage is logged once, the recovery once. What waits
    here is lost if the action server stops before the database is back.
    """

    def __init__(self, records: Callable[[], Records], limit: int = 10_000) -> None:
        self._records = records
        self._limit = limit
        self._pending: Deque[Tuple[str, Dict[str, Any]]] = deque()
        self.failing = False
        self._dropped = 0

    @property
    def pending(self) -> int:
        """How many writes wait for the database."""
        return len(self._pending)

    def add_screening(self, **record: Any) -> bool:
        """Store a screening now, or later; whether it is stored now."""
        record.setdefault("created_at", utcnow())
        self._pending.append(("add", record))
        return self._flush()

    def delete_sender(self, sender_id: str) -> bool:
        """Delete a sender's records now, or later (waiting ones at once); whether it is done now."""
        self._pending = deque(
            (kind, args) for kind, args in self._pending if args["sender_id"] != sender_id
        )
        self._pending.append(("delete", {"sender_id": sender_id}))
        return self._flush()

    def _flush(self) -> bool:
        try:
            records = self._records()
            while self._pending:
                kind, args = self._pending[0]
                records.add_screening(**args) if kind == "add" else records.delete_sender(**args)
                self._pending.popleft()
        except Exception as error:  # a verdict must never fail because its record cannot be written
            if not self.failing:
                cause = (str(getattr(error, "orig", None) or error).strip().splitlines() or [""])[0][:200]
                logger.error(
                    "Screening records database unreachable (%s: %s): records are kept in memory until it "
                    "is back",
                    type(error).__name__,
                    cause,
                )
                self.failing = True
            while len(self._pending) > self._limit:
                self._pending.popleft()
                self._dropped += 1
                if self._dropped == 1:
                    logger.warning("Screening records: over %d waiting, dropping the oldest", self._limit)
            return False
        if self.failing:
            logger.warning(
                "Screening records database reachable again: wrote what was kept in memory (%d dropped)",
                self._dropped,
            )
            self.failing, self._dropped = False, 0
        return True


_buffer: Optional[OutageBuffer] = None


def default_buffer() -> OutageBuffer:
    """The action server's buffered writer over :func:`default_records`."""
    global _buffer
    if _buffer is None:
        _buffer = OutageBuffer(default_records)
    return _buffer
