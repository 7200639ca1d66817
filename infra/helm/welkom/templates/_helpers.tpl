{{/* Names and labels. */}}
{{- define "welkom.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "welkom.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "welkom.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "welkom.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: welkom
{{- end }}

{{/* Selector labels for one component: api, worker or migrations. */}}
{{- define "welkom.selectorLabels" -}}
app.kubernetes.io/name: {{ include "welkom.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "welkom.image" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}
{{- end }}

{{- define "welkom.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "welkom.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "welkom.configName" -}}
{{- printf "%s-config" (include "welkom.fullname" .) }}
{{- end }}

{{/* The Secret holding WELKOM_SECRET_KEY (and the metrics token, extra secrets). */}}
{{- define "welkom.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else }}
{{- printf "%s-secrets" (include "welkom.fullname" .) }}
{{- end }}
{{- end }}

{{/* Validate the database choice: exactly one of url, existingSecret.name, cloudNativePG.secretName. */}}
{{- define "welkom.validateDatabase" -}}
{{- $db := .Values.database }}
{{- $chosen := 0 }}
{{- if $db.url }}{{ $chosen = add1 $chosen }}{{ end }}
{{- if $db.existingSecret.name }}{{ $chosen = add1 $chosen }}{{ end }}
{{- if $db.cloudNativePG.secretName }}{{ $chosen = add1 $chosen }}{{ end }}
{{- if ne (int $chosen) 1 }}
{{- fail "set exactly one of database.url, database.existingSecret.name or database.cloudNativePG.secretName" }}
{{- end }}
{{- if and $db.url (not (hasPrefix "postgresql+asyncpg://" $db.url)) (not (hasPrefix "sqlite+aiosqlite://" $db.url)) }}
{{- fail "database.url must be a SQLAlchemy async URL (postgresql+asyncpg://…)" }}
{{- end }}
{{- end }}

{{- define "welkom.validateStorage" -}}
{{- $s := .Values.storage }}
{{- if not (has $s.backend (list "local" "s3")) }}
{{- fail "storage.backend must be local or s3" }}
{{- end }}
{{- if and (eq $s.backend "s3") (not $s.s3.bucket) }}
{{- fail "storage.s3.bucket is required with storage.backend=s3" }}
{{- end }}
{{- if and (eq $s.backend "s3") (not $s.s3.existingSecret) }}
{{- fail "storage.s3.existingSecret (holding the access key id and secret) is required with storage.backend=s3" }}
{{- end }}
{{- end }}

{{/*
Environment shared by the API, the worker and the migration Job: the ConfigMap and Secret with
the WELKOM_* settings, then the database URL and object-storage credentials from their Secrets.
*/}}
{{- define "welkom.env" -}}
{{- include "welkom.validateDatabase" . }}
{{- include "welkom.validateStorage" . }}
envFrom:
  - configMapRef:
      name: {{ include "welkom.configName" . }}
  - secretRef:
      name: {{ include "welkom.secretName" . }}
env:
  {{- $db := .Values.database }}
  {{- if $db.existingSecret.name }}
  - name: WELKOM_DATABASE_URL
    valueFrom:
      secretKeyRef:
        name: {{ $db.existingSecret.name }}
        key: {{ $db.existingSecret.key }}
  {{- else if $db.cloudNativePG.secretName }}
  {{- range $var, $key := dict "WELKOM_DB_USER" "username" "WELKOM_DB_PASSWORD" "password" "WELKOM_DB_HOST" "host" "WELKOM_DB_PORT" "port" "WELKOM_DB_NAME" "dbname" }}
  - name: {{ $var }}
    valueFrom:
      secretKeyRef:
        name: {{ $db.cloudNativePG.secretName }}
        key: {{ $key }}
  {{- end }}
  - name: WELKOM_DATABASE_URL
    value: "postgresql+asyncpg://$(WELKOM_DB_USER):$(WELKOM_DB_PASSWORD)@$(WELKOM_DB_HOST):$(WELKOM_DB_PORT)/$(WELKOM_DB_NAME){{ $db.cloudNativePG.query }}"
  {{- end }}
  - name: WELKOM_STORAGE_BACKEND
    value: {{ .Values.storage.backend | quote }}
  {{- if eq .Values.storage.backend "s3" }}
  {{- with .Values.storage.s3 }}
  - name: WELKOM_S3_BUCKET
    value: {{ .bucket | quote }}
  {{- with .endpoint }}
  - name: WELKOM_S3_ENDPOINT_URL
    value: {{ . | quote }}
  {{- end }}
  {{- with .region }}
  - name: WELKOM_S3_REGION
    value: {{ . | quote }}
  {{- end }}
  {{- with .prefix }}
  - name: WELKOM_S3_PREFIX
    value: {{ . | quote }}
  {{- end }}
  - name: WELKOM_S3_ADDRESSING_STYLE
    value: {{ .addressingStyle | quote }}
  - name: WELKOM_S3_ACCESS_KEY_ID
    valueFrom:
      secretKeyRef:
        name: {{ .existingSecret }}
        key: {{ .accessKeyIdKey }}
  - name: WELKOM_S3_SECRET_ACCESS_KEY
    valueFrom:
      secretKeyRef:
        name: {{ .existingSecret }}
        key: {{ .secretAccessKeyKey }}
  {{- end }}
  {{- end }}
  {{- with .Values.extraEnv }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end }}

{{/* Pod-level security: non-root, no token, runtime-default seccomp. */}}
{{- define "welkom.podSecurity" -}}
automountServiceAccountToken: false
securityContext:
  runAsNonRoot: true
  runAsUser: {{ .Values.securityContext.runAsUser }}
  runAsGroup: {{ .Values.securityContext.runAsGroup }}
  fsGroup: {{ .Values.securityContext.runAsGroup }}
  fsGroupChangePolicy: OnRootMismatch
  seccompProfile:
    type: RuntimeDefault
{{- end }}

{{/* Container-level security: read-only root filesystem, no privilege escalation, no capabilities. */}}
{{- define "welkom.containerSecurity" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: {{ .Values.securityContext.runAsUser }}
  runAsGroup: {{ .Values.securityContext.runAsGroup }}
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  privileged: false
  capabilities:
    drop: ["ALL"]
  seccompProfile:
    type: RuntimeDefault
{{- end }}

{{/* The only writable places: /tmp (memory) and the data directory. */}}
{{- define "welkom.volumeMounts" -}}
volumeMounts:
  - name: tmp
    mountPath: /tmp
  - name: data
    mountPath: /data
{{- end }}

{{- define "welkom.volumes" -}}
volumes:
  - name: tmp
    emptyDir:
      medium: Memory
      sizeLimit: {{ .Values.tmpSizeLimit }}
  - name: data
    {{- if and (eq .Values.storage.backend "local") .Values.storage.local.existingClaim }}
    persistentVolumeClaim:
      claimName: {{ .Values.storage.local.existingClaim }}
    {{- else }}
    emptyDir:
      sizeLimit: {{ .Values.storage.local.emptyDirSizeLimit }}
    {{- end }}
{{- end }}

{{/* Checksums that roll the pods when settings change. */}}
{{- define "welkom.checksums" -}}
checksum/config: {{ include (print $.Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/secret: {{ include (print $.Template.BasePath "/secret.yaml") . | sha256sum }}
{{- end }}
