# The two commands a newcomer needs:  make run  (chat with the assistant)  and  make test.
PY  := .venv/bin/python
ENV := $(PY) scripts/with_env.py

.PHONY: help run test unit e2e setup train chat validate domain lint nlu-eval safety-eval safety-designs lock clean migrate \
	report purge benchmark scale-out benchmark-scale load load-locust telegram-webhook images deploy-test deploy-check

help:                 ## every target with its one-line description
	@grep -E '^[a-z0-9-]+:.*## ' Makefile | sed -E 's/^([a-z0-9-]+):[^#]*## /\1\t/' | awk -F'\t' '{printf "  make %-16s %s\n", $$1, $$2}'

run: setup            ## create the environment, train if stale, start everything, print where to chat
	@bash scripts/run.sh

test: setup           ## every check: lint, validation, unit tests, stories, NLU evaluation, end-to-end
	@bash scripts/test.sh

unit: setup           ## lint and the unit tests only (no model, no servers)
	@.venv/bin/python -m ruff check padsafety actions components connectors rasa_sdk_plugins scripts tests
	@$(ENV) python -m pytest -q -p no:cacheprovider tests --ignore=tests/e2e

e2e: train            ## the end-to-end tests only (real servers over HTTP, browser, databases)
	@$(ENV) python -m pytest -q -p no:cacheprovider tests/e2e

setup:                ## .venv with a supported Python and the pinned requirements
	@bash scripts/setup.sh

train: setup          ## train models/current.tar.gz (Rasa skips what has not changed)
	@bash scripts/train.sh

chat:                 ## chat in the terminal with the assistant that `make run` started
	@$(ENV) python scripts/chat.py

validate: setup       ## rasa data validate, failing on warnings
	@$(ENV) rasa data validate --fail-on-warnings

domain: setup         ## rewrite the screening form in domain.yml from the rule book (contraindications.yml)
	@$(ENV) python scripts/screening_domain.py

lint: setup           ## ruff over every Python package
	@$(PY) -m ruff check padsafety actions components connectors rasa_sdk_plugins scripts tests

nlu-eval: train       ## intent report for the held-out NLU test set (results/nlu)
	@$(ENV) python scripts/nlu_report.py

safety-eval: train    ## safety recognition on both held-out parts through the trained model (JSON+PNG in results/safety)
	@$(ENV) python scripts/safety_eval.py --split heldout --check
	@$(ENV) python scripts/safety_eval.py --split heldout2 --check

safety-designs: setup ## compare recognition designs on the development corpus (no Rasa)
	@$(ENV) python scripts/safety_eval.py --split dev --designs

lock: setup           ## regenerate constraints.txt from the working environment
	@{ head -2 constraints.txt; $(PY) -m pip freeze --exclude-editable | grep -v '^\(pip\|setuptools\|wheel\)=='; } > constraints.tmp && mv constraints.tmp constraints.txt

clean:                ## remove results, Rasa's cache, models and logs
	rm -rf results .rasa models var/log

migrate: setup        ## apply pending migrations to the screening records database
	@$(ENV) python scripts/records.py migrate

report: setup         ## conversations, verdicts, contraindications, referrals (DAYS=30); PNG in results/
	@$(ENV) python scripts/records.py report --days $${DAYS:-30}

purge: setup          ## delete conversations and records older than RETENTION_DAYS
	@$(ENV) python scripts/records.py purge

benchmark: setup      ## project config vs Rasa's default config, in one run (about 15 min); results/benchmark/
	@$(ENV) python scripts/benchmark.py

scale-out: setup      ## 2 Rasa servers + 2 action servers behind nginx (needs PostgreSQL TRACKER_STORE_URL, REDIS_URL)
	@$(ENV) python scripts/scale_out.py --rasa $${RASA_SERVERS:-2} --actions $${ACTION_SERVERS:-2} --port $${PORT:-8000}

benchmark-scale: setup  ## msgs/s and p95: one server vs two behind nginx, in one run
	@$(ENV) python scripts/benchmark_scale.py

load: setup           ## 50 conversations for 2 min against `make run`'s server (start it first, elsewhere)
	@$(ENV) python scripts/load_test.py --conversations $${CONVERSATIONS:-50} --seconds $${DURATION:-120} \
		--json results/load.json

load-locust: setup    ## the same load with Locust (.venv-load): users, failures, percentiles in results/locust_*.csv
	@bash scripts/setup_load.sh
	@mkdir -p results
	@$(ENV) sh -c '.venv-load/bin/locust -f benchmark/load/locustfile.py --headless -u $${CONVERSATIONS:-50} -r 10 \
		-t $${DURATION:-120}s --host "http://$$RASA_HOST:$$RASA_PORT" --csv results/locust'

telegram-webhook: setup  ## register TELEGRAM_WEBHOOK_URL with Telegram (CMD=info or CMD=delete)
	@$(ENV) python scripts/telegram_webhook.py $${CMD:-set}

images: setup         ## container images: rasa (model baked in), actions, web, nginx (LOCAL_BASE=1: no registry)
	@bash scripts/build_images.sh

deploy-test: train    ## build the images, run the compose stack, 20 conversations with a Rasa crash, tear down
	@bash scripts/deploy_test.sh

deploy-check: setup   ## lint the deployment files: hadolint, kubernetes-validate, compose config, checkov
	@bash scripts/deploy_check.sh
