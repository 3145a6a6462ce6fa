"""Screening records and conversations: schema migrations, reports and retention.

  python scripts/with_env.py python scripts/records.py migrate
  python scripts/with_env.py python scripts/records.py report [--days 30] [--chart results/verdicts.png]
  python scripts/with_env.py python scripts/records.py purge [--days N]   (default: RETENTION_DAYS)
"""

import argparse
import datetime as dt
from pathlib import Path

from actions.db import Conversations, Records, utcnow
from padsafety.rules import Verdict, default_rulebook
from padsafety.settings import settings


def report(days: int, chart: Path) -> None:
    """Print the period's figures and write a chart of verdicts per day."""
    config = settings()
    end = utcnow()
    start = end - dt.timedelta(days=days)
    records = Records(config.records_db_url, config.records_salt)
    records.migrate()
    verdicts, rules, per_day = records.summary(start, end)
    stats = Conversations(config.tracker_store_url).stats(start, end)
    titles = {r.id: r.title for r in default_rulebook().rules}
    print(f"Period: {start:%Y-%m-%d %H:%M} to {end:%Y-%m-%d %H:%M} UTC ({days} days)")
    print(f"Conversations: {stats['conversations']}")
    print(f"Screenings: {sum(verdicts.values())}")
    for verdict in Verdict:
        print(f"  {verdict.value}: {verdicts.get(verdict.value, 0)}")
    print("Most frequent contraindications:")
    for rule_id, count in rules.most_common(5) or [("(none)", 0)]:
        print(f"  {titles.get(rule_id, rule_id)}: {count}")
    print(f"Doctor referrals: {stats['doctor_referrals']}")
    print(f"Red-flag escalations: {stats['red_flag_escalations']}")
    write_chart(per_day, chart)
    print(f"Chart: {chart}")


def write_chart(per_day: dict, path: Path) -> None:
    """Stacked bars of verdicts per day."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    days = sorted(per_day)
    figure, axes = plt.subplots(figsize=(8, 4))
    bottom = [0] * len(days)
    colours = {"do_not_use": "#c0392b", "ask_doctor": "#e67e22", "no_contraindication_found": "#27ae60"}
    for verdict in Verdict:
        counts = [per_day[d].get(verdict.value, 0) for d in days]
        axes.bar(days, counts, bottom=bottom, label=verdict.value, color=colours[verdict.value])
        bottom = [b + c for b, c in zip(bottom, counts)]
    axes.set_title("Screening verdicts per day")
    axes.set_ylabel("screenings")
    axes.legend()
    figure.autofmt_xdate()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(figure)


def purge(days: int) -> None:
    """Delete conversations and records older than `days`."""
    config = settings()
    cutoff = utcnow() - dt.timedelta(days=days)
    records = Records(config.records_db_url, config.records_salt)
    records.migrate()
    deleted_records = records.purge_before(cutoff)
    deleted_conversations = Conversations(config.tracker_store_url).purge_before(cutoff)
    print(f"Purged data older than {days} days ({cutoff:%Y-%m-%d}): "
          f"{deleted_conversations} conversations, {deleted_records} screening records")


def main() -> None:
    """Parse the command line and run the command."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="apply pending schema migrations")
    report_parser = commands.add_parser("report", help="figures for a period, and a PNG chart")
    report_parser.add_argument("--days", type=int, default=30)
    report_parser.add_argument("--chart", type=Path, default=Path("results/verdicts.png"))
    purge_parser = commands.add_parser("purge", help="delete data older than the retention period")
    purge_parser.add_argument("--days", type=int, default=None)
    args = parser.parse_args()
    if args.command == "migrate":
        config = settings()
        Records(config.records_db_url, config.records_salt).migrate()
        print("records: schema is up to date")
    elif args.command == "report":
        report(args.days, args.chart)
    else:
        purge(args.days if args.days is not None else settings().retention_days)


if __name__ == "__main__":
    main()
