# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
"""The Helm chart and the container image definition, checked offline.

The chart is rendered by Helm's own Go engine (helm-python-sdk bundles it) with the default and
the production values, and every manifest is validated against the Kubernetes JSON schemas
(kubernetes-validate bundles them) in strict mode, for the oldest and newest supported version.
The Containerfile is parsed by BuildKit's own parser (the `dockerfile` package).
"""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import PRODUCTION_SECRET
from welkom.cli import main as cli
from welkom.core.settings import SETTING_PATHS, Settings

helm = pytest.importorskip("helm_python", reason="scripts/test.d/60-infra.sh installs it")
kubernetes_validate = pytest.importorskip("kubernetes_validate")
dockerfile = pytest.importorskip("dockerfile")

ROOT = Path(__file__).resolve().parent.parent
CHART = ROOT / "infra" / "helm" / "welkom"
CONTAINERFILE = ROOT / "infra" / "Containerfile"
KUBERNETES_VERSIONS = ("1.30.0", "1.37.0")  # the chart's kubeVersion floor, and the newest
PRODUCTION = yaml.safe_load((CHART / "values-production.yaml").read_text())

#: Parts of the CloudNativePG secret, combined into WELKOM_DATABASE_URL by Kubernetes.
URL_PARTS = {f"WELKOM_DB_{part}" for part in ("USER", "PASSWORD", "HOST", "PORT", "NAME")}
KNOWN_SETTINGS = {f"WELKOM_{name.upper()}" for name in SETTING_PATHS}


class _StrictLoader(yaml.SafeLoader):
    """YAML that refuses duplicate keys (the API server refuses them too)."""


def _no_duplicates(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise yaml.constructor.ConstructorError(
            None, None, f"duplicate keys {duplicates}", node.start_mark
        )
    return loader.construct_mapping(node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def render(values: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    chart = helm.Chart.load(CHART)
    rendered = chart.render(values=values or {}, name="welkom", namespace="welkom", is_install=True)
    manifests = []
    for path, text in sorted(rendered.items()):
        if path.endswith("NOTES.txt"):
            continue
        manifests += [doc for doc in yaml.load_all(text, Loader=_StrictLoader) if doc]
    return manifests


def by_kind(manifests: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    return {m["metadata"]["name"]: m for m in manifests if m["kind"] == kind}


def workloads(manifests: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Pod specs of the API, the worker and the migration Job, by component."""
    pods = {}
    for manifest in manifests:
        if manifest["kind"] in ("Deployment", "Job"):
            template = manifest["spec"]["template"]
            pods[template["metadata"]["labels"]["app.kubernetes.io/component"]] = template["spec"]
    return pods


VALUE_SETS = {"default": {}, "production": PRODUCTION}


@pytest.mark.parametrize("values", VALUE_SETS.values(), ids=VALUE_SETS.keys())
@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_chart_renders_valid_kubernetes_manifests(values: dict, version: str) -> None:
    manifests = render(values)
    kinds = sorted({m["kind"] for m in manifests})
    expected = [
        "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Job", "NetworkPolicy",
        "PodDisruptionBudget", "Service", "ServiceAccount",
    ]  # fmt: skip
    assert set(expected) <= set(kinds)
    for manifest in manifests:
        try:
            kubernetes_validate.validate(manifest, version, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(
                f"{manifest['kind']}/{manifest['metadata']['name']}: {exc.message} at {list(exc.path)}"
            )


def test_helm_lint_finds_nothing() -> None:
    for values in VALUE_SETS.values():
        report = helm.lint(CHART, values, strict=True, namespace="welkom", kube_version="v1.30.0")
        assert report["errors"] == [], report
        assert [m for m in report["messages"] if m["severity"] >= 2] == [], report


@pytest.mark.parametrize("values", VALUE_SETS.values(), ids=VALUE_SETS.keys())
def test_workloads_run_non_root_read_only_without_capabilities(values: dict) -> None:
    pods = workloads(render(values))
    assert set(pods) == {"api", "worker", "migrations"}
    for component, pod in pods.items():
        assert pod["securityContext"]["runAsNonRoot"] is True, component
        assert pod["securityContext"]["runAsUser"] != 0
        assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
        assert pod["automountServiceAccountToken"] is False
        mounts_from_volumes = {v["name"] for v in pod["volumes"]}
        for container in pod["containers"]:
            security = container["securityContext"]
            assert security["readOnlyRootFilesystem"] is True, component
            assert security["allowPrivilegeEscalation"] is False
            assert security["capabilities"]["drop"] == ["ALL"]
            assert "add" not in security["capabilities"]
            # Writable only through volumes: /tmp in memory and /data.
            mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
            assert {"/tmp", "/data"} <= set(mounts)  # noqa: S108
            assert set(mounts.values()) <= mounts_from_volumes
            assert container["resources"]["limits"]["memory"]


@pytest.mark.parametrize("values", VALUE_SETS.values(), ids=VALUE_SETS.keys())
def test_components_commands_probes_and_hooks(values: dict) -> None:
    manifests = render(values)
    pods = workloads(manifests)
    api = pods["api"]["containers"][0]
    assert api["livenessProbe"]["httpGet"]["path"] == "/health"
    assert api["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert api["startupProbe"]["httpGet"]["path"] == "/health"
    worker = pods["worker"]["containers"][0]
    assert worker["args"] == ["worker", "--metrics-port", "9000"]
    assert worker["livenessProbe"]["httpGet"] == {"path": "/health", "port": "metrics"}
    assert pods["migrations"]["containers"][0]["args"] == ["migrate"]
    # Every command line is one the real CLI accepts.
    for component, pod in pods.items():
        args = pod["containers"][0]["args"]
        command = cli.commands[args[0]]
        command.make_context(args[0], list(args[1:]))  # raises on an unknown option
        assert component

    job = next(iter(by_kind(manifests, "Job").values()))
    assert job["metadata"]["annotations"]["helm.sh/hook"] == "pre-install,pre-upgrade"
    # Settings exist before the Job runs: their hooks have a lower weight.
    job_weight = int(job["metadata"]["annotations"]["helm.sh/hook-weight"])
    for settings in [
        *by_kind(manifests, "ConfigMap").values(),
        *by_kind(manifests, "Secret").values(),
    ]:
        assert int(settings["metadata"]["annotations"]["helm.sh/hook-weight"]) < job_weight

    hpa = next(iter(by_kind(manifests, "HorizontalPodAutoscaler").values()))
    assert hpa["spec"]["scaleTargetRef"]["name"] == "welkom-api"
    assert "replicas" not in by_kind(manifests, "Deployment")["welkom-api"]["spec"]
    pdbs = by_kind(manifests, "PodDisruptionBudget")
    assert (
        pdbs["welkom-api"]["spec"]["selector"]["matchLabels"]["app.kubernetes.io/component"]
        == "api"
    )

    policies = by_kind(manifests, "NetworkPolicy")
    assert [p["port"] for p in policies["welkom-worker"]["spec"]["ingress"][0]["ports"]] == [
        "metrics"
    ]
    assert policies["welkom-migrations"]["spec"]["ingress"] == []
    assert all(p["spec"]["policyTypes"] == ["Ingress", "Egress"] for p in policies.values())
    migration_ports = {
        port["port"]
        for rule in policies["welkom-migrations"]["spec"]["egress"]
        for port in rule["ports"]
    }
    assert migration_ports == {53, 5432}


def _egress_ports(policy: dict[str, Any]) -> set[int | str]:
    return {port["port"] for rule in policy["spec"]["egress"] for port in rule["ports"]}


def test_only_the_api_may_reach_redis_and_only_when_it_is_named() -> None:
    """Rate-limit counts live in Redis when the API runs in several pods (production values);
    the workers and the migrations never talk to it, and by default nothing may."""
    production = by_kind(render(VALUE_SETS["production"]), "NetworkPolicy")
    api_rules = production["welkom-api"]["spec"]["egress"]
    redis_rules = [rule for rule in api_rules if {p["port"] for p in rule["ports"]} == {6379}]
    assert len(redis_rules) == 1
    assert redis_rules[0]["to"] == [
        {"podSelector": {"matchLabels": {"app.kubernetes.io/name": "redis"}}}
    ]
    for component in ("worker", "migrations"):
        assert 6379 not in _egress_ports(production[f"welkom-{component}"])
    default = by_kind(render(), "NetworkPolicy")
    assert all(6379 not in _egress_ports(policy) for policy in default.values())
    custom = by_kind(
        render(
            {
                "networkPolicy": {
                    "redisTo": [{"ipBlock": {"cidr": "10.1.2.3/32"}}],
                    "redisPort": 6380,
                }
            }
        ),
        "NetworkPolicy",
    )
    assert 6380 in _egress_ports(custom["welkom-api"])


@pytest.mark.parametrize("values", VALUE_SETS.values(), ids=VALUE_SETS.keys())
def test_every_setting_passed_is_one_welkom_reads(values: dict) -> None:
    manifests = render(values)
    config = next(iter(by_kind(manifests, "ConfigMap").values()))["data"]
    names = set(config)
    for pod in workloads(manifests).values():
        names |= {env["name"] for env in pod["containers"][0].get("env", [])}
    for secret in by_kind(manifests, "Secret").values():
        names |= set(secret["data"])
    unknown = names - KNOWN_SETTINGS - URL_PARTS - {"PROMETHEUS_MULTIPROC_DIR"}
    assert unknown == set()
    assert config["WELKOM_ENV"] == "production"
    # Production values keep every secret out of the chart.
    if values is PRODUCTION:
        assert by_kind(manifests, "Secret") == {}
        env = {e["name"]: e for e in workloads(manifests)["api"]["containers"][0]["env"]}
        assert env["WELKOM_DATABASE_URL"]["value"].startswith(
            "postgresql+asyncpg://$(WELKOM_DB_USER)"
        )
        assert (
            env["WELKOM_S3_SECRET_ACCESS_KEY"]["valueFrom"]["secretKeyRef"]["name"] == "welkom-s3"
        )


def test_the_storage_values_become_the_settings_welkom_runs_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The production values, resolved as Kubernetes would (Secret references filled in), give
    Settings with S3 storage in the named bucket, endpoint, region and prefix."""
    manifests = render(PRODUCTION)
    config = next(iter(by_kind(manifests, "ConfigMap").values()))["data"]
    environment = dict(config)
    for env in workloads(manifests)["worker"]["containers"][0]["env"]:
        if "value" in env and "$(" not in env["value"]:
            environment[env["name"]] = env["value"]
        elif ref := env.get("valueFrom", {}).get("secretKeyRef"):
            environment[env["name"]] = f"from-{ref['name']}-{ref['key']}"
    environment["WELKOM_SECRET_KEY"] = PRODUCTION_SECRET
    environment["WELKOM_DATABASE_URL"] = "postgresql+asyncpg://u:p@db/welkom"
    for name in [n for n in os.environ if n.startswith("WELKOM_")]:
        monkeypatch.delenv(name)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    s3 = PRODUCTION["storage"]["s3"]
    assert settings.storage.backend == "s3"
    assert settings.s3.bucket == s3["bucket"]
    assert settings.s3.endpoint_url == s3["endpoint"]
    assert settings.s3.region == s3["region"]
    assert settings.s3.prefix == s3["prefix"]
    assert settings.s3.addressing_style == s3["addressingStyle"]
    assert settings.s3.access_key_id is not None
    assert settings.s3.access_key_id.get_secret_value() == "from-welkom-s3-accessKeyId"
    assert settings.s3.secret_access_key is not None
    assert settings.s3.secret_access_key.get_secret_value() == "from-welkom-s3-secretAccessKey"
    # Without endpoint and region (Amazon S3 itself) the chart leaves them to the SDK.
    bare = render({"storage": {"backend": "s3", "s3": {"bucket": "b", "existingSecret": "s"}}})
    names = {e["name"] for e in workloads(bare)["api"]["containers"][0]["env"]}
    assert {"WELKOM_S3_BUCKET", "WELKOM_S3_ACCESS_KEY_ID"} <= names
    assert not names & {"WELKOM_S3_ENDPOINT_URL", "WELKOM_S3_REGION", "WELKOM_S3_PREFIX"}


def test_without_metrics_the_worker_serves_nothing() -> None:
    manifests = render({"metrics": {"enabled": False}})
    assert workloads(manifests)["worker"]["containers"][0]["args"] == ["worker"]
    assert "ports" not in workloads(manifests)["worker"]["containers"][0]
    assert by_kind(manifests, "NetworkPolicy")["welkom-worker"]["spec"]["ingress"] == []
    secret = next(iter(by_kind(manifests, "Secret").values()))
    assert "WELKOM_METRICS_TOKEN" not in secret["data"]


def test_default_install_generates_strong_secrets() -> None:
    manifests = render()
    secret = next(iter(by_kind(manifests, "Secret").values()))
    config = next(iter(by_kind(manifests, "ConfigMap").values()))["data"]
    import base64

    values = {k: base64.b64decode(v).decode() for k, v in secret["data"].items()}
    assert len(values["WELKOM_SECRET_KEY"]) >= 32
    # Its own key, so rotating the secret key keeps residents' access-log history attached.
    assert len(values["WELKOM_PROCESSING_LOG_PSEUDONYM_KEY"]) >= 32
    assert values["WELKOM_PROCESSING_LOG_PSEUDONYM_KEY"] != values["WELKOM_SECRET_KEY"]
    assert len(values["WELKOM_METRICS_TOKEN"]) >= 16
    Settings(
        env="production",
        secret_key=values["WELKOM_SECRET_KEY"],
        metrics_token=values["WELKOM_METRICS_TOKEN"],
        public_base_url=config["WELKOM_PUBLIC_BASE_URL"],
    )


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"database": {"cloudNativePG": {"secretName": ""}}}, "exactly one of database"),
        ({"database": {"url": "postgresql+asyncpg://u:p@db/welkom"}}, "exactly one of database"),
        (
            {"database": {"url": "postgres://u:p@db/w", "cloudNativePG": {"secretName": ""}}},
            "SQLAlchemy async URL",
        ),
        ({"storage": {"backend": "s3", "s3": {"existingSecret": "s3"}}}, "bucket is required"),
        ({"storage": {"backend": "nfs"}}, "storage.backend"),
        ({"secrets": {"secretKey": "too-short"}}, "at least 32 characters"),
        ({"config": {"WELKOM_ENV": "production"}}, "without the WELKOM_ prefix"),
        # values.schema.json: typos and wrong types are refused, not ignored.
        ({"api": {"autoscale": {"enabled": False}}}, "autoscale"),
        ({"api": {"processes": 0}}, "processes"),
        ({"securityContext": {"runAsUser": 0}}, "runAsUser"),
        ({"storage": {"s3": {"addressingStyle": "dns"}}}, "addressingStyle"),
        ({"storage": {"s3": {"prefix": "no-trailing-slash"}}}, "prefix"),
    ],
)
def test_misconfiguration_is_refused_at_render_time(values: dict, message: str) -> None:
    with pytest.raises(helm.HelmError, match=message):
        render(values)


def _instructions() -> list[Any]:
    return list(dockerfile.parse_file(str(CONTAINERFILE)))


def test_containerfile_is_multi_stage_non_root_with_a_healthcheck() -> None:
    instructions = _instructions()
    stages = [i for i in instructions if i.cmd == "FROM"]
    assert [s.value[-1] for s in stages] == ["pwa", "build", "sbom", "runtime"]
    final = instructions[instructions.index(stages[-1]) :]
    users = [i.value[0] for i in final if i.cmd == "USER"]
    assert users == ["10001:10001"]
    health = [i for i in final if i.cmd == "HEALTHCHECK"]
    assert len(health) == 1
    assert "/health" in health[0].original
    entrypoint = next(i for i in final if i.cmd == "ENTRYPOINT")
    assert list(entrypoint.value) == ["welkom"]
    command = next(i for i in final if i.cmd == "CMD")
    cli.commands[command.value[0]].make_context(command.value[0], list(command.value[1:]))
    # Nothing fetched from the network by ADD, no secrets baked in.
    assert not [i for i in instructions if i.cmd == "ADD"]
    environment = " ".join(i.original for i in instructions if i.cmd in ("ENV", "ARG"))
    assert "SECRET" not in environment.upper()


def test_containerfile_copies_what_exists() -> None:
    for instruction in _instructions():
        if instruction.cmd != "COPY" or any(f.startswith("--from") for f in instruction.flags):
            continue
        *sources, _destination = instruction.value
        for source in sources:
            if source == "pw[a]":  # optional until the PWA lands
                continue
            assert (ROOT / source).exists(), source
    # The PWA stage builds when pwa/package.json exists, otherwise leaves an empty dist.
    pwa_run = next(i for i in _instructions() if i.cmd == "RUN" and "npm run build" in i.original)
    assert "package.json" in pwa_run.original
    shlex.split(pwa_run.value[0].replace("\\\n", " "))  # a well-formed shell line


def _stage(name: str) -> list[Any]:
    """The instructions of one build stage (its FROM first)."""
    instructions = _instructions()
    starts = [n for n, i in enumerate(instructions) if i.cmd == "FROM"]
    for begin, end in zip(starts, [*starts[1:], len(instructions)], strict=True):
        if instructions[begin].value[-1] == name:
            return instructions[begin:end]
    raise AssertionError(f"no stage {name}")


def _runs(stage: str) -> str:
    return "\n".join(i.original for i in _stage(stage) if i.cmd == "RUN")


def _args(stage: str) -> dict[str, str]:
    pairs = (i.value[0].partition("=") for i in _stage(stage) if i.cmd == "ARG")
    return {name: value.strip('"') for name, _, value in pairs}


def _locked(path: Path) -> dict[str, str]:
    """name -> version of a hashed requirements lock; every pin must carry a hash."""
    from packaging.utils import canonicalize_name

    text = path.read_text().replace("\\\n", " ")
    pins = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = line.split(" ", 1)[0].split(";", 1)[0]
        name, _, version = requirement.partition("==")
        assert version, f"{path.name}: {requirement} is not pinned"
        assert "--hash=sha256:" in line, f"{path.name}: {requirement} has no hash"
        pins[canonicalize_name(name)] = version
    return pins


def test_the_image_installs_exactly_the_locked_python_and_node_dependencies() -> None:
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    build = _runs("build")
    assert "pip install --require-hashes --no-deps -r requirements.lock" in build
    assert "pip install --no-deps --no-build-isolation -e ." in build  # nothing resolved
    assert "pip check" in build
    pins = _locked(ROOT / "requirements.lock")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    needed = [*project["project"]["dependencies"], *project["build-system"]["requires"]]
    for dependency in map(Requirement, needed):
        name = canonicalize_name(dependency.name)
        assert name in pins, f"{name} is not in requirements.lock"
        assert dependency.specifier.contains(pins[name], prereleases=True), (name, pins[name])
    # Node: `npm ci` installs pwa/package-lock.json as it is, each package with its hash.
    pwa = _runs("pwa")
    assert "npm ci" in pwa
    lock = json.loads((ROOT / "pwa" / "package-lock.json").read_text())
    packages = {k: v for k, v in lock["packages"].items() if k and not v.get("link")}
    assert packages
    assert all(p.get("integrity", "").startswith("sha512-") for p in packages.values())
    # The build context lets the locks through.
    ignore = (ROOT / "infra" / "Containerfile.dockerignore").read_text().splitlines()
    assert {"!requirements.lock", "!infra/sbom-tools.lock", "!LICENSE"} <= set(ignore)


def test_every_image_build_writes_a_cyclonedx_sbom_kept_in_the_image_and_exported() -> None:
    stages = [i.value[-1] for i in _instructions() if i.cmd == "FROM"]
    assert stages[-1] == "runtime"  # the default target is the image
    build = _runs("build")
    assert "pip install --require-hashes -r /tmp/sbom-tools.lock" in build
    assert "cyclonedx-bom" in _locked(ROOT / "infra" / "sbom-tools.lock")
    sbom_run = next(i for i in _stage("build") if i.cmd == "RUN" and "cyclonedx-py" in i.original)
    argv = shlex.split(sbom_run.value[0].replace("\\\n", " ").split("&&")[-1])
    assert argv[:2] == ["/opt/sbom-tools/bin/cyclonedx-py", "environment"]
    assert argv[argv.index("--output-format") + 1] == "JSON"
    assert argv[argv.index("--output-file") + 1] == "/app/sbom/welkom-python.cdx.json"
    assert argv[-1] == "/opt/venv"  # the environment the image ships
    assert "npm sbom --sbom-format cyclonedx --omit dev > /src/sbom/welkom-pwa.cdx.json" in (
        _runs("pwa")
    )
    copies = [(i.flags, i.value) for i in _stage("build") if i.cmd == "COPY"]
    assert (("--from=pwa",), ("/src/sbom/", "/app/sbom/")) in copies
    # In the image (/app comes from the build stage) and as an artifact (--target sbom).
    runtime = [(i.flags, i.value) for i in _stage("runtime") if i.cmd == "COPY"]
    assert (("--from=build",), ("/app", "/app")) in runtime
    sbom = _stage("sbom")
    assert sbom[0].value[0] == "scratch"
    assert [(i.flags, i.value) for i in sbom[1:]] == [(("--from=build",), ("/app/sbom/", "/"))]


def test_oci_labels_name_version_revision_and_source() -> None:
    import welkom

    label = next(i for i in _stage("runtime") if i.cmd == "LABEL")
    labels = dict(zip(label.value[::2], (v.strip('"') for v in label.value[1::2]), strict=True))
    args = _args("runtime")
    assert args["VERSION"] == welkom.__version__
    publiccode = yaml.safe_load((ROOT / "publiccode.yml").read_text())
    assert args["SOURCE"] == publiccode["url"].removesuffix(".git")
    assert labels["org.opencontainers.image.licenses"] == publiccode["legal"]["license"]
    assert labels["org.opencontainers.image.version"] == "${VERSION}"
    assert labels["org.opencontainers.image.revision"] == "${REVISION}"
    assert labels["org.opencontainers.image.source"] == "${SOURCE}"
    assert labels["org.opencontainers.image.created"] == "${CREATED}"


def test_the_build_records_its_commit_where_the_version_route_reads_it(tmp_path: Path) -> None:
    """The build stage's printf, run as the build runs it, writes a build.json that
    GET /api/v1/version reads; without a REVISION the commit is null."""
    import subprocess

    from welkom.core.version import read_build_info

    install = next(i for i in _stage("build") if i.cmd == "RUN" and "build.json" in i.original)
    step = next(s for s in install.value[0].split("&&") if "build.json" in s).strip()
    assert step.endswith("> backend/welkom/build.json")
    (tmp_path / "backend" / "welkom").mkdir(parents=True)
    outside = tmp_path / "no-checkout"
    outside.mkdir()
    commit = "0123456789abcdef0123456789abcdef01234567"
    for revision, expected in ((commit, commit), ("", None)):
        subprocess.run(
            ["sh", "-c", step],
            cwd=tmp_path,
            env={"REVISION": revision, "CREATED": "2026-12-02T12:00:00Z", "PATH": os.defpath},
            check=True,
        )
        info = read_build_info(
            build_file=tmp_path / "backend" / "welkom" / "build.json", environ={}, checkout=outside
        )
        assert info.commit == expected
        assert info.created == "2026-12-02T12:00:00Z"
