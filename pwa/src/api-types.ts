// SPDX-FileCopyrightText: Welkom contributors
// SPDX-License-Identifier: EUPL-1.2
/**
 * Generated from docs/openapi.json by `npm run api-types` (scripts/api-types.mjs). Do not edit:
 * change the API, run `welkom openapi > docs/openapi.json`, then regenerate.
 */

export interface paths {
    "/api/v1/admin/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the audit log
         * @description The municipality's audit log, newest first. Records managers only. Filtering on one resident is itself recorded in the log.
         *
         *     Who may call it: a signed-in account with the role `records_manager` (401, 403 otherwise).
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/cases/by-reference/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a case by its reference
         * @description A case of the municipality by the short reference the resident reads out
         *     (``K7Q2-9MXA``; case, hyphens, spaces and O/I/L for 0/1 are forgiven).
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["getCaseByReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/caseworkers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your colleagues
         * @description The caseworkers of your municipality, by name: whom a conversation can be assigned to. Staff names only, no resident's data.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listCaseworkers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/colleagues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the accounts that can appear in the audit log
         * @description Every account of your municipality that is not a resident's (staff and volunteers) by name, with its roles: whom the audit log can be filtered on (`actor_account_id`). Names and roles only, no resident's data.
         *
         *     Who may call it: a signed-in account with the role `records_manager` (401, 403 otherwise).
         */
        get: operations["listColleagues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/consent-texts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List consent text translations
         * @description Each purpose's current Dutch consent text beside its translation in `language`, with the translation's state (machine, translated, reviewed); `outdated`: the current version has none since its Dutch text changed, the earlier one is shown. An unknown language: 422; a reviewer limited to some languages: 403 for any other.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        get: operations["adminListConsentTranslations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/consent-texts/{purpose}/{language}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Translate a consent text
         * @description Translate a purpose's current consent text (state machine or translated; only a reviewer's review makes it reviewed). New wording for a language the text already has publishes a new version: residents who agreed are asked to read it again. `If-Match: "v<version>"` naming the current version (as listed) is required: without it 428; if another version was published in the meantime 412 and nothing changes; of two simultaneous changes naming the same version one is applied, the other gets 412. Adding a language the version lacks keeps its version: send `If-None-Match: *` with it, and if another translation into that language was saved for the version in the meantime the answer is 412 instead of a new version with yours (the same wording again is no change). Answers with the `ETag` of the version the text is now in. Language `nl` changes the Dutch source (editors only): new wording is a new version with only the Dutch text, residents read it until a translation is saved for that version, and the list offers the earlier translation marked `outdated`.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        put: operations["adminSubmitConsentTranslation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/consent-texts/{purpose}/{version}/{language}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a consent text translation
         * @description Approve this translation of a consent text version as it stands. Only a reviewer can; a municipality that requires reviewed consent texts accepts consent in this language from then on.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `reviewer` (401, 403 otherwise).
         */
        post: operations["adminReviewConsentTranslation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the municipality's conversations
         * @description The municipality's questions, oldest first; `order=unanswered_first`: questions not answered yet before the answered ones (each oldest first), across all pages. `assigned`: `mine` or `unassigned`; `waiting_for`: who must act.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/conversations/{question_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a conversation
         * @description One question with its answers, internal notes, assignment and who must act next; the `version` is what `If-Match` names when you change the assignment or who must act. A question of another municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["getConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/conversations/{question_id}/answer-translation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Translate a draft answer
         * @description Machine-translate a draft answer (by default into the resident's language) to check it before sending; nothing is stored or sent. Send the original with `send_translation: true` to give the resident the translation too.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        post: operations["translateAnswerDraft"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/conversations/{question_id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a question
         * @description Answer the resident in their language. The answer is shown to them and added to the question's zaak as a document. With `send_translation: true` the municipality's translation server also translates it into the resident's language: the resident sees the original and the translation, marked as machine translation (503 `translation-unavailable` when the server cannot: nothing is sent). Honours `Idempotency-Key` (the same key with another body: 422). A question of another municipality: 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        post: operations["answerQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/conversations/{question_id}/assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Assign a conversation
         * @description Give the conversation to a caseworker of your municipality, or `null` to leave it unassigned. Send `If-Match` with the conversation's version: if it changed in the meantime the request is refused (412) and nothing changes. An account that is not a caseworker of your municipality: 422.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        put: operations["assignConversation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/conversations/{question_id}/interpreter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Mark that a resident needs an interpreter
         * @description Say whether the resident needs an interpreter for this question (an answer in their language is not enough; a colleague arranges one), or clear it. Send `If-Match` with the conversation's version: if it changed in the meantime the request is refused (412) and nothing changes.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        put: operations["setConversationNeedsInterpreter"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/conversations/{question_id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an internal note
         * @description An internal note: never shown to the resident, never sent to the case system. Honours `Idempotency-Key` (the same key with another body: 422). A question of another municipality: 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        post: operations["addConversationNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/conversations/{question_id}/translation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Translate a question into Dutch
         * @description The resident's question and its machine translation into Dutch by the municipality's own translation server, marked `state: machine`; the original is always there. Audited as a read of the question. Without a server: 404 `translation-not-configured`; server down, slow or busy: 503 `translation-unavailable`.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["translateQuestion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/conversations/{question_id}/waiting-for": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set who must act on a conversation
         * @description Say who the conversation waits for: `municipality`, `resident`, `other_party` or `nobody`. Send `If-Match` with the conversation's version: if it changed in the meantime the request is refused (412) and nothing changes.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        put: operations["setConversationWaitingFor"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/erasure-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List erasure requests
         * @description Erasure requests of the caller's municipality, oldest first, optionally by state
         *     (`requested`, `completed`, `refused`).
         *
         *     Who may call it: a signed-in account with the role `records_manager` (401, 403 otherwise).
         */
        get: operations["listErasureRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/erasure-requests/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an erasure request
         * @description One request, with what completing it keeps under a legal duty and why (read from
         *     the erasure handlers), and questions it still waits for. The read is audited.
         *
         *     Who may call it: a signed-in account with the role `records_manager` (401, 403 otherwise).
         */
        get: operations["getErasureRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/erasure-requests/{request_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Carry out an erasure
         * @description Carry out the erasure: everything about the resident is deleted or anonymised except
         *     what `retained` lists. 409 if already decided or a question is not yet registered; 503
         *     (nothing changed) if the file store is away.
         *
         *     Who may call it: a signed-in account with the role `records_manager` (401, 403 otherwise).
         */
        post: operations["completeErasureRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/erasure-requests/{request_id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refuse an erasure request
         * @description Refuse the request with a reason the resident reads; they are notified.
         *
         *     Who may call it: a signed-in account with the role `records_manager` (401, 403 otherwise).
         */
        post: operations["refuseErasureRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/journey-texts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List journey step translations
         * @description Each step of the municipality's active journey template: its Dutch text beside its translation in `language`, with the translation's state (machine, translated, reviewed), whether it lags behind the source (`outdated`) and the step's `version` (what `If-Match` names). An unknown language: 422; a reviewer limited to some languages: 403 for any other.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        get: operations["adminListJourneyTranslations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/journey-texts/{key}/{language}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Translate a journey step
         * @description Translate a step of the active journey template (state machine or translated; only a reviewer's review makes it reviewed). Language `nl` changes the Dutch source text itself (editors only): translations made from the older text are then `outdated`. `If-Match` is required: the step's ETag `"v<version>"` as listed; without it 428, a stale one 412 with nothing changed; of two simultaneous changes of one step (in any languages) one is applied, the other gets 412. Answers with the new `ETag`.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        put: operations["adminSubmitJourneyTranslation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/journey-texts/{key}/{language}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a journey step translation
         * @description Approve this translation of a journey step as it stands (reviewers only).
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `reviewer` (401, 403 otherwise).
         */
        post: operations["adminReviewJourneyTranslation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List case registrations
         * @description Registrations of every kind (questions, documents, answers) of the caller's
         *     municipality, oldest first, with the register's problem. `state`: `attention` (the
         *     default: parked, or pending after a failure), `parked`, `pending` or `delivered`;
         *     `kind`: `question`, `document`, `answer` or `klantcontact`.
         *
         *     Who may call it: a signed-in account with the role `records_manager` (401, 403 otherwise).
         */
        get: operations["listRegistrations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/registrations/{entry_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a parked registration
         * @description Put a parked registration (of any kind) back in the queue (after the cause was
         *     fixed). One that is not parked: 409 `registration-not-parked`, nothing changed; one of
         *     another municipality: 404.
         *
         *     Who may call it: a signed-in account with the role `records_manager` (401, 403 otherwise).
         */
        post: operations["retryRegistration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/reports/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a monthly report
         * @description Monthly counts for your municipality: `interactions` (kind × language), `response-times` (answered or not, median and p90 hours to the first answer), `help-requests` (category × outcome), `journey` (step × status, now). Cells of fewer persons than the threshold are `null` (CSV: `x`), with complementary suppression so totals do not reveal them. `from`/`to`: months as YYYY-MM (default: the last 12); a malformed or reversed period: 422. An unknown report: 404. `format=csv` answers CSV.
         *
         *     Who may call it: a signed-in account with the role `admin`, `caseworker`, `coordinator` or `records_manager` (401, 403 otherwise).
         */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List residents
         * @description Residents of your municipality, newest first. `caseload`: `mine`, `unassigned` or a caseworker's account id. `waiting=true`: with questions waiting for the municipality. Last activity is the latest question or change to the record.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listResidents"];
        put?: never;
        /**
         * Create a resident at intake
         * @description Make a resident record at intake; then issue an activation code. Honours `Idempotency-Key` (a retry answers the first response; the same key with another body: 422). Invalid fields: 422.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        post: operations["createResident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a resident's record
         * @description The resident's record as caseworkers see it: names, languages, contact details, arrival date, caseworker, open questions and help requests, and the `version` that `If-Match` names. The read is recorded in the processing log. A resident outside your municipality answers 404, exactly like one that does not exist.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["getResident"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List who looked at a resident's data
         * @description Who (other than the resident) read or changed the resident's data, newest first: the processing log the resident reads in the app. This read is recorded first, so the list includes it. A resident outside your municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listResidentAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}/activation-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a resident's activation codes
         * @description Every activation code issued for the resident, with its state (`active`, `spent`, `expired` or `revoked`) and times; never the code itself, which is stored only hashed. A resident outside your municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listActivationCodes"];
        put?: never;
        /**
         * Issue an activation code
         * @description Issue a one-time activation code for a resident of the caseworker's municipality. The code is returned once (text, and `qr_payload`: the resident app's link `{public_base_url}/#/activate?code=…`, code in the fragment) and stored only hashed; earlier unspent codes of the resident stop working. Not idempotent by key on purpose: a retry issues a fresh code, which is safe.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        post: operations["issueActivationCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}/caseworker": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Assign a resident's caseworker: yourself or a colleague
         * @description You become the resident's caseworker, or the colleague `account_id` does (one of `GET /api/v1/admin/caseworkers`, e.g. when handing over a caseload); `contact` is shown to the resident. An `account_id` that is not a caseworker of your municipality is refused (400, a field error at `account_id`), the same for every such account. The change is recorded in the processing log and the resident's history; out of reach: 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        put: operations["becomeResidentCaseworker"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a resident's consent state
         * @description Every consent purpose with the resident's current answer (`granted`, `withdrawn` or `not_asked`), since when, and whether the text changed after it was granted; labels in the request's language. The read is recorded in the processing log. A resident outside your municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listResidentConsents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a resident's conversations
         * @description The resident's questions, newest first, each with its registration, answers, internal notes, assignment and who it waits for. The read is recorded in the processing log. A resident outside your municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listResidentConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List changes to a resident's data
         * @description Every change to the resident's data, newest first: what, old and new value, by whom and when. The read is recorded in the processing log. A resident outside your municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listResidentChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}/household": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a resident's household
         * @description The members of the resident's household as the resident entered them (relation, name, birth year, school). The read is recorded in the processing log. A resident outside your municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listResidentHousehold"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}/journey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a resident's journey
         * @description The resident's journey steps with status, due dates, who acts next and notes. The read is recorded in the processing log. A resident outside your municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["getResidentJourney"];
        put?: never;
        /**
         * Start a resident's journey
         * @description Give the resident every step of the municipality's journey template they do not have yet (idempotent).
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        post: operations["startResidentJourney"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}/journey/steps/{step_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a resident's journey step
         * @description Set a step's status, due date, who acts next or the note for the resident. Send `If-Match` with the step's version: if the step changed in the meantime the request is refused (412) and nothing changes. Invalid fields: 422; out of reach: 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        patch: operations["updateResidentJourneyStep"];
        trace?: never;
    };
    "/api/v1/admin/residents/{resident_id}/registered-data": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record a resident's registered data
         * @description Record the registered name, BSN or V-number with their source and the legal basis for holding them. Send `If-Match` with the resident's version: if the record changed in the meantime the request is refused (412) and nothing changes. The change is recorded in the processing log; out of reach: 404.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        put: operations["recordRegisteredData"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List service items
         * @description Every service item of your municipality in creation order, optionally by `status` (`draft`, `published`, `archived`), with its Dutch source texts and version.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        get: operations["adminListServices"];
        put?: never;
        /**
         * Create a service item
         * @description A new draft item; texts are the Dutch source. Honours `Idempotency-Key` (the same key with another body: 422). Invalid fields: 422.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `admin` or `editor` (401, 403 otherwise).
         */
        post: operations["adminCreateService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/services/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List places
         * @description The municipality's places where services are offered: address, coordinates, phone, opening hours and texts, with their version.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        get: operations["adminListPlaces"];
        put?: never;
        /**
         * Create a place
         * @description A new place where services are offered: address, coordinates, opening hours and accessibility text (Dutch source). Invalid postcode, coordinates or hours: 422.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `admin` or `editor` (401, 403 otherwise).
         */
        post: operations["adminCreatePlace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/services/places/{place_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a place
         * @description One place with its texts and version; the `ETag` header is what `If-Match` names when you replace it. A place of another municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        get: operations["adminGetPlace"];
        /**
         * Replace a place
         * @description Replace a place's address, opening hours and texts as a whole. `If-Match` with the ETag you read is required: without it 428 `precondition-required`; if the place changed in the meantime (or the tag is weak or unknown) 412 and nothing changes; a malformed `If-Match` or invalid fields: 400. Of two simultaneous replacements naming the same ETag one is applied, the other gets 412. A place of another municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `admin` or `editor` (401, 403 otherwise).
         */
        put: operations["adminReplacePlace"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/services/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a service body
         * @description The HTML residents would get for this markdown body: rendered and cleaned exactly as on save (the same subset and allowlist). Nothing is stored. A body that saving would refuse is refused here with the same 400 at `body`.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `admin` or `editor` (401, 403 otherwise).
         */
        post: operations["adminPreviewServiceBody"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/services/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a service item
         * @description One item with its source texts, status and version; the `ETag` header is what `If-Match` names when you change it. An item of another municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        get: operations["adminGetService"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a service item
         * @description Change an item. `If-Match` with the ETag is required (428 without), so that no update is lost: if the item changed in the meantime the request is refused (412) and nothing changes; a weak or unknown tag is stale too; a malformed `If-Match` or invalid fields: 400. Of two simultaneous changes naming the same ETag one is applied, the other gets 412. A changed source text makes its translations outdated.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `admin` or `editor` (401, 403 otherwise).
         */
        patch: operations["adminUpdateService"];
        trace?: never;
    };
    "/api/v1/admin/services/{item_id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a service item
         * @description Archive the item: residents no longer see it. Answers the item with its new `ETag`. An item of another municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `admin` or `editor` (401, 403 otherwise).
         */
        post: operations["adminArchiveService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/services/{item_id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a service item
         * @description Make the item visible to residents as it stands now (publishing again changes nothing). Answers the item with its new `ETag`. An item of another municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `admin` or `editor` (401, 403 otherwise).
         */
        post: operations["adminPublishService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/services/{item_id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unpublish a service item
         * @description Take the item back to draft: residents no longer see it. Answers the item with its new `ETag`. An item of another municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `admin` or `editor` (401, 403 otherwise).
         */
        post: operations["adminUnpublishService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List signals that need attention
         * @description Questions unanswered for more than the configured working days, registrations the case register refused, journey steps overdue. `scope`: `mine` (your residents and conversations) or `team`.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listSignals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/translation-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the translation server
         * @description The municipality's machine-translation server, whether it answers now and the
         *     languages it offers (Welkom's codes).
         *
         *     Who may call it: a signed-in account with the role `admin` or `records_manager` (401, 403 otherwise).
         */
        get: operations["getTranslationServer"];
        /**
         * Set or remove the translation server
         * @description Point the municipality at its own LibreTranslate server (`url`), or switch the
         *     translation aids off (`url: null`). Its API key goes in `WELKOM_TRANSLATION_API_KEYS`.
         *     A caseworker's texts go to this server and nowhere else.
         *
         *     Who may call it: a signed-in account with the role `admin` or `records_manager` (401, 403 otherwise).
         */
        put: operations["setTranslationServer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/translation/languages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the languages the server translates
         * @description What the municipality's translation server translates (Welkom's codes): the
         *     caseworker's screens show the aids only for these. Without a server: 404
         *     `translation-not-configured`.
         *
         *     Who may call it: a signed-in account with the role `caseworker` (401, 403 otherwise).
         */
        get: operations["listTranslationLanguages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/translations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List content translations
         * @description Source texts with their translation in `language`; `status` filters on `missing`,
         *     `outdated`, `unreviewed`, `reviewed` or `all` (otherwise 422, as for a language that is
         *     not offered). A reviewer limited to some languages: 403 for any other.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        get: operations["adminListTranslations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/translations/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export translations as a PO file
         * @description A gettext PO file for a translation agency (msgctxt identifies each text). A
         *     reviewer limited to some languages: 403 for any other.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        get: operations["adminExportTranslations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/translations/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import translations from a PO file
         * @description Upload a PO file (request body, any text media type). Stale entries (source changed since export) are skipped; nothing is marked reviewed. A reviewer limited to some languages: 403 for any other.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        post: operations["adminImportTranslations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/translations/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read translation progress
         * @description Per offered language: how many of the municipality's content texts there are and how many are missing, outdated, machine-translated, translated or reviewed. A reviewer limited to some languages gets only those.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        get: operations["adminTranslationProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/translations/{owner_id}/{field}/{language}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Submit a content translation
         * @description Submit a translation of the current source text (state machine or translated; only a reviewer's review makes it reviewed). `If-Match` is required: the ETag `"v<version>"` of the translation as listed (`"v0"` when there is none yet); without it 428, a stale one 412 with nothing changed; of two simultaneous submits naming the same version one is stored, the other gets 412. Answers the translation with its new `ETag`. A reviewer limited to some languages: 403 for any other.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise).
         */
        put: operations["adminSubmitTranslation"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/translations/{owner_id}/{field}/{language}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a content translation
         * @description Mark the translation of the current source text reviewed, optionally correcting its text in the same step. A translation made for an older source text is refused (409 `translation-outdated`: update it first); no translation yet: 404. An optional `If-Match` names the version reviewed (stale: 412). A reviewer limited to some languages: 403 for any other.
         *
         *     Who may call it: a signed-in account with the role `admin`, `editor` or `reviewer` (401, 403 otherwise) and a signed-in account with the role `reviewer` (401, 403 otherwise).
         */
        post: operations["adminReviewTranslation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/volunteers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List volunteers
         * @description The municipality's volunteer profiles, newest first, optionally by `state` (`unvetted`, `vetted`, `suspended`), with vetting, suspension reason and how many requests each holds.
         *
         *     Who may call it: a signed-in account with the role `coordinator` (401, 403 otherwise).
         */
        get: operations["listVolunteers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/volunteers/help-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List help requests
         * @description The municipality's help requests, newest first, optionally by `state`, with the volunteer holding each, how long it waited and how many reports it has. The resident's contact details are never part of it.
         *
         *     Who may call it: a signed-in account with the role `coordinator` (401, 403 otherwise).
         */
        get: operations["listHelpRequestsForCoordinator"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/volunteers/help-requests/ageing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List help requests nobody took
         * @description Open requests nobody claimed for longer than `older_than_hours` (default: the configured ageing time), oldest first.
         *
         *     Who may call it: a signed-in account with the role `coordinator` (401, 403 otherwise).
         */
        get: operations["listAgeingHelpRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/volunteers/help-requests/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List reports about help
         * @description What residents reported about help they got, newest first, with the request and the volunteer concerned.
         *
         *     Who may call it: a signed-in account with the role `coordinator` (401, 403 otherwise).
         */
        get: operations["listHelpReports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/volunteers/help-requests/{request_id}/volunteer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Reassign a help request
         * @description Give the request to another vetted volunteer, or `null` to open it again. A closed request: 409 `help-request-closed`; a volunteer who does not exist, is not vetted, is suspended or does not speak the request's language: 422.
         *
         *     Who may call it: a signed-in account with the role `coordinator` (401, 403 otherwise).
         */
        put: operations["reassignHelpRequest"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/volunteers/{volunteer_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a volunteer's profile
         * @description One volunteer's profile with vetting and suspension. A volunteer of another municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `coordinator` (401, 403 otherwise).
         */
        get: operations["getVolunteer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/volunteers/{volunteer_id}/suspension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Suspend a volunteer
         * @description Suspend a volunteer: they see nothing about residents, and the requests they hold open again. A reason is required (422 without one).
         *
         *     Who may call it: a signed-in account with the role `coordinator` (401, 403 otherwise).
         */
        put: operations["suspendVolunteer"];
        post?: never;
        /**
         * Lift a volunteer's suspension
         * @description The volunteer sees help requests again (if vetted). Lifting when not suspended changes nothing. A volunteer of another municipality answers 404.
         *
         *     Who may call it: a signed-in account with the role `coordinator` (401, 403 otherwise).
         */
        delete: operations["liftVolunteerSuspension"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/volunteers/{volunteer_id}/vetting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Vet a volunteer
         * @description Record that you saw the volunteer's VOG, issued on `vog_date`. A date in the future or too long ago: 422; a volunteer of another municipality: 404.
         *
         *     Who may call it: a signed-in account with the role `coordinator` (401, 403 otherwise).
         */
        put: operations["vetVolunteer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeem an activation code
         * @description Redeem the one-time code a caseworker gave the resident. Signs the resident in (session cookies); with `remember_device` this phone also gets a credential to sign in next time. Wrong codes are rate-limited per client (429).
         *
         *     Who may call it: anyone, signed in or not.
         */
        post: operations["redeemActivationCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/device": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remember this phone
         * @description Remember this phone: sets a long-lived, HttpOnly device credential.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["rememberDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/device-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with this phone
         * @description Sign in with this phone's device credential (cookie); it is rotated. No credential, or one that is no longer remembered: 401 `device-not-recognised`.
         *
         *     Who may call it: anyone, signed in or not.
         */
        post: operations["deviceLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out of this session
         * @description Ends the session this request uses and clears its cookies. Other devices stay signed in (see `logoutEverywhere`).
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out everywhere
         * @description End every session of this account and forget every remembered phone.
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        post: operations["logoutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{provider_key}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Finish signing in at an identity provider
         * @description Where the provider sends the browser back; starts the session and redirects to where the sign-in started. A state that is unknown, used or from another browser is refused with a problem and no session. A provider error (`error`, e.g. `access_denied`: cancelled, consent refused, not signed in there) for a sign-in this browser started redirects back where it started with `signin_error=refused` added to the query, and no session. Any other failure of a sign-in a browser opens in the back office (`Sec-Fetch-Mode: navigate` or `Accept: text/html`, started with a `return_to` under `/staff/`) redirects there likewise with `signin_error=` `expired`, `other_browser`, `no_access`, `unavailable` or `failed`; other clients get the problem.
         *
         *     Who may call it: anyone, signed in or not.
         */
        get: operations["oidcCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{provider_key}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Link an identity provider to your account
         * @description A signed-in resident links this provider (e.g. DigiD) as their way to sign in next time (redirect).
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["oidcLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/{provider_key}/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in at an identity provider
         * @description Start signing in at an OpenID Connect provider (redirect). An unknown provider: 404; the provider cannot be reached: 503. A browser opening it with a `return_to` under `/staff/` is sent back there with `signin_error=failed` or `signin_error=unavailable` instead.
         *
         *     Who may call it: anyone, signed in or not.
         */
        get: operations["oidcLogin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkey-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a passkey
         * @description Sign in with a passkey: checks the assertion and starts a session (session cookies), as every other sign-in does. An unknown or used challenge: 400; an assertion that does not verify: 401 `passkey-refused`. JSON bodies only (415).
         *
         *     Who may call it: anyone, signed in or not.
         */
        post: operations["passkeyLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkey-login/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing in with a passkey
         * @description Start signing in with a passkey: a single-use challenge for `navigator.credentials.get`.
         *
         *     Who may call it: anyone, signed in or not.
         */
        post: operations["passkeySignInOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your passkeys
         * @description The resident's passkeys.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["listMyPasskeys"];
        put?: never;
        /**
         * Finish adding a passkey
         * @description Finish adding a passkey with the authenticator's answer. An unknown or used challenge, or an answer that does not verify: 400.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["addPasskey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys/registration-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start adding a passkey
         * @description Start adding a passkey: a single-use challenge for `navigator.credentials.create` (user verification required).
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["passkeyRegistrationOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkeys/{passkey_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a passkey
         * @description Remove one of the resident's passkeys.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        delete: operations["removePasskey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the current session
         * @description Who is signed in on this request: account, display name, roles, municipality and, for residents, their resident record.
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your active sessions
         * @description The caller's active sessions (all devices), newest first.
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        get: operations["listMySessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of your sessions
         * @description End one of the caller's own sessions (e.g. a lost phone).
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        delete: operations["endMySession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/staff-sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How staff sign in
         * @description The staff identity providers the back office offers (key and name; start at `GET /auth/oidc/{key}/login`), one per municipality the deployment serves, and whether demo login is on. Public: the sign-in page reads it before anyone signs in.
         *
         *     Who may call it: anyone, signed in or not.
         */
        get: operations["staffSignInOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/languages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the offered languages
         * @description The offered languages: native name (CLDR), text direction, which UI catalogs exist and how much of them is translated and reviewed by a person.
         *
         *     Who may call it: anyone, signed in or not.
         */
        get: operations["listLanguages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read your own data
         * @description Your resident record: names, languages, contact details, address, arrival date, the registered data the municipality holds (with source and legal basis), your caseworker and household. The `ETag` header is what `If-Match` names when you correct it.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Correct your own data
         * @description Correct your own data. Registered name, BSN and V-number belong to the municipality and cannot be changed here. Send `If-Match` with the ETag you read: if the record changed in the meantime the request is refused (412) and nothing changes. Invalid fields: 422.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/v1/me/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read who accessed your data
         * @description Who (other than the resident) read or changed the resident's data, newest first. Read from the processing log (one entry per processing of the resident's data).
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["getMyAccessLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your cases
         * @description What the resident sent and where each case stands, labelled in their language.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["listMyCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/cases/by-reference/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find one of my cases by its reference
         * @description One of the resident's cases by its short reference (``K7Q2-9MXA``; case, hyphens,
         *     spaces and O/I/L for 0/1 are forgiven). Another resident's case is 404.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["getMyCaseByReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your consents
         * @description Every purpose, your current answer (derived from the ledger) and the text to read.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["listMyConsents"];
        put?: never;
        /**
         * Grant or withdraw consent
         * @description Grant or withdraw consent for one purpose. Name the text version and the language you were shown. Withdrawal counts for every later read at once.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["changeMyConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/consents/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your consent history
         * @description The ledger: every grant and withdrawal, newest first.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["listMyConsentEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/consents/entries/{entry_id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a consent receipt
         * @description A consent receipt (JSON), in the language the consent text was shown in.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["getMyConsentReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the municipality a document
         * @description Send the municipality a document (multipart: `file`, `language`). The type is recognised from the content (PDF, JPEG, PNG, HEIC by default); the size limit is configured. Send an `Idempotency-Key` so a retry does not upload twice. Too large: 413; a type not accepted: 415; a file that does not decode in full or carries active content: 422; the file store is away: 503 (nothing kept).
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/erasure-request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read your erasure request
         * @description Your latest request: its state, what that means (in your language) and, if the
         *     municipality refused it, their reason.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["getMyErasureRequest"];
        put?: never;
        /**
         * Ask to erase your data
         * @description Ask the municipality to erase your data (AVG art. 17). A caseworker carries it out; an open request is answered again (200) instead of doubled.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["requestErasure"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export your data
         * @description Everything Welkom holds on you, as one JSON document (AVG art. 15 and 20).
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["exportMyData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/help-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your help requests
         * @description Your requests for help, newest first, with their state, the volunteer once one took it, and your feedback.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["listMyHelpRequests"];
        put?: never;
        /**
         * Ask volunteers for help
         * @description Ask volunteers for help. Give a neighbourhood, never an address. Send an `Idempotency-Key` so a retry does not ask twice (the same key with another body: 422). Invalid fields or a time window in the past: 422.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["createHelpRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/help-requests/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read your help request
         * @description One of your requests for help. Another resident's request answers 404.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["getMyHelpRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/help-requests/{request_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel your help request
         * @description Withdraw a request that is still open or taken (cancelling again: no change). Already done or otherwise closed: 409 `help-request-closed`, nothing changed.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["cancelMyHelpRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/help-requests/{request_id}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Rate the help you got
         * @description Rate a request the volunteer marked done (1–5, with an optional comment); rating again replaces it. Not done yet: 409 `help-request-not-done`.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        put: operations["rateMyHelpRequest"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/help-requests/{request_id}/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report a problem with help
         * @description Tell the volunteer coordinator about a problem with this help.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["reportHelpRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List changes to your data
         * @description Every change to your data: what, old and new value, by whom (role) and when.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["listMyDataChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/household": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your household
         * @description The members of your household you registered, in the order you added them.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["listHousehold"];
        put?: never;
        /**
         * Add a household member
         * @description Register a member of your household. Honours `Idempotency-Key`: a retry with the same key and body answers the first response again (`Idempotent-Replayed: true`); the same key with another body is refused (422). Invalid fields: 422.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["addHouseholdMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/household/{member_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a household member
         * @description Remove one member of your household. Another resident's member answers 404.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        delete: operations["removeHouseholdMember"];
        options?: never;
        head?: never;
        /**
         * Change a household member
         * @description Change some fields of one member. Send `If-Match` with the member's ETag: if the member was changed in the meantime the request is refused (412) and nothing changes. Another resident's member answers 404.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        patch: operations["updateHouseholdMember"];
        trace?: never;
    };
    "/api/v1/me/journey": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read your journey
         * @description Your steps: the next one first, then the other open steps, then the finished ones.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["getMyJourney"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/language": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Choose your language
         * @description The language you chose in the app. Welkom then speaks it everywhere: texts, content, notifications, receipts and exports (a language staff recorded at intake counts only until you choose). `?lang=` still asks for one response in another.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        put: operations["chooseMyLanguage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read your notification preferences
         * @description Per kind of notification whether a push is sent (the inbox item is always made), and your quiet hours with their time zone (the defaults until you change them).
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        get: operations["getNotificationPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change your notification preferences
         * @description Choose per kind whether to receive push, and quiet hours in your time zone.
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        patch: operations["updateNotificationPreferences"];
        trace?: never;
    };
    "/api/v1/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your notifications
         * @description The inbox, newest first, in the caller's language; with the unread count.
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all notifications read
         * @description Mark every item of your inbox read; answers the unread count (0).
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a notification
         * @description One item of your inbox, in your language. Another account's item answers 404.
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        get: operations["getNotification"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notifications/{item_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a notification read
         * @description Mark one item of your inbox read (again: no change) and answer it. Another account's item answers 404.
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/push-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your push subscriptions
         * @description The devices that receive your push notifications: only the push service's host (the full endpoint is a device secret), when it was registered and last used.
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        get: operations["listPushSubscriptions"];
        put?: never;
        /**
         * Register this device for push
         * @description Register this device's `PushSubscription.toJSON()`. Idempotent by endpoint: sending it again (with or without an `Idempotency-Key`) answers 200 with the same subscription. 503 `push-unavailable` when this installation has no push keys.
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        post: operations["registerPushSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/push-subscriptions/{subscription_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a push subscription
         * @description That device stops receiving push notifications. One that is not yours or already gone answers 404.
         *
         *     Who may call it: any signed-in account (401 otherwise).
         */
        delete: operations["deletePushSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your questions
         * @description Your questions, newest first, with whether each is registered in the municipality's case system yet. Paged by `cursor` (a malformed cursor: 422).
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["listQuestions"];
        put?: never;
        /**
         * Ask the municipality a question
         * @description Ask the municipality a question; it is registered in the municipality's case system in the background. Send an `Idempotency-Key` so a retry returns the first answer instead of asking twice (the same key with another body: 422). Too many questions in a short time: 429.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        post: operations["askQuestion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/questions/{question_id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the answers to your question
         * @description The municipality's answers to your question, oldest first.
         *
         *     Who may call it: a signed-in account with the role `resident` (401, 403 otherwise).
         */
        get: operations["listAnswersToMyQuestion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/push/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the push public key
         * @description The VAPID application server key for `PushManager.subscribe()` (base64url). 503 `push-unavailable` when this installation has no push keys.
         *
         *     Who may call it: anyone, signed in or not.
         */
        get: operations["getPushPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List service information
         * @description Published service information in the caller's best language (resident preference → Accept-Language → municipality default → Dutch source, per text). Anonymous callers name the municipality by its CBS code. `unreviewed` marks texts not reviewed by a person; `outdated` texts that lag behind a changed source. Send `If-None-Match` to revalidate cheaply.
         *
         *     Who may call it: anyone, signed in or not.
         */
        get: operations["listServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one service
         * @description One published service item with its places and opening hours, in the caller's best language (as `listServices`). Anonymous callers name the municipality by its CBS code. An item that is not published answers 404. Send `If-None-Match` to revalidate cheaply (304).
         *
         *     Who may call it: anyone, signed in or not.
         */
        get: operations["getService"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the running release
         * @description The running release and the commit it was built from (no sign-in).
         *
         *     Who may call it: anyone, signed in or not.
         */
        get: operations["getVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/volunteer/help-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List open help requests
         * @description Open requests in your languages and areas, longest waiting first. Vetted, unsuspended volunteers only.
         *
         *     Who may call it: a signed-in account with the role `volunteer` (401, 403 otherwise).
         */
        get: operations["listOpenHelpRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/volunteer/help-requests/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the help requests you took
         * @description Requests you hold or held, newest first, optionally by `state`; contact details only while the request is yours and the resident consents to sharing them. Vetted, unsuspended volunteers only (403 `volunteer-not-active` otherwise).
         *
         *     Who may call it: a signed-in account with the role `volunteer` (401, 403 otherwise).
         */
        get: operations["listMyClaimedHelpRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/volunteer/help-requests/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a help request
         * @description One open request, or one you hold. Requests outside your languages and areas, or held by another volunteer, answer 404. Vetted, unsuspended volunteers only (403 `volunteer-not-active` otherwise).
         *
         *     Who may call it: a signed-in account with the role `volunteer` (401, 403 otherwise).
         */
        get: operations["getHelpRequestAsVolunteer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/volunteer/help-requests/{request_id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a help request
         * @description Take an open request. If another volunteer was first: 409 `already-claimed`. Claiming again a request you hold answers 200.
         *
         *     Who may call it: a signed-in account with the role `volunteer` (401, 403 otherwise).
         */
        post: operations["claimHelpRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/volunteer/help-requests/{request_id}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a help request done
         * @description You helped: the request you hold is closed as done (again: no change), and the resident may rate it. If it changed in the meantime (released, reassigned, cancelled): 409 `state-changed`, nothing changed; a request you do not hold: 404.
         *
         *     Who may call it: a signed-in account with the role `volunteer` (401, 403 otherwise).
         */
        post: operations["markHelpRequestDone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/volunteer/help-requests/{request_id}/no-show": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a help request as a no-show
         * @description The resident did not come: the request you hold is closed as a no-show (again: no change). If it changed in the meantime: 409 `state-changed`, nothing changed; a request you do not hold: 404.
         *
         *     Who may call it: a signed-in account with the role `volunteer` (401, 403 otherwise).
         */
        post: operations["markHelpRequestNoShow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/volunteer/help-requests/{request_id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a help request back
         * @description Give a request you hold back, so another volunteer can take it. If it changed in the meantime: 409 `state-changed`, nothing changed; a request you do not hold: 404.
         *
         *     Who may call it: a signed-in account with the role `volunteer` (401, 403 otherwise).
         */
        post: operations["releaseHelpRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/volunteer/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read your volunteer profile
         * @description Your profile: name, languages, skills, areas, availability, organisation and whether a coordinator vetted it. No profile yet: 404.
         *
         *     Who may call it: a signed-in account with the role `volunteer` (401, 403 otherwise).
         */
        get: operations["getVolunteerProfile"];
        /**
         * Save your volunteer profile
         * @description Create or replace your volunteer profile. A coordinator must vet it before you see any help request.
         *
         *     Who may call it: a signed-in account with the role `volunteer` (401, 403 otherwise).
         */
        put: operations["saveVolunteerProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zgw/notificaties/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a case system notification
         * @description Callback of the municipality's Notificaties API (kanaal `zaken`), authenticated by the
         *     abonnement's bearer token for the municipality code (401 without one, 403 when wrong). A
         *     `status` or `zaak` notification refreshes the case status residents see; anything else
         *     is taken and ignored (204). A case system that is away is reconciled later (204).
         *
         *     Who may call it: anyone, signed in or not.
         */
        post: operations["receiveZgwNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the process is alive
         * @description Liveness: the process answers (it checks nothing else; see `ready`).
         *
         *     Who may call it: anyone, signed in or not.
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the database is reachable and current
         * @description Readiness: the database answers and its schema is current (503 `not-ready` otherwise).
         *
         *     Who may call it: anyone, signed in or not.
         */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AccessLogEntry */
        AccessLogEntry: {
            action: string;
            actor_name: string;
            actor_role: string;
            fields: string[];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurred_at: string;
            purpose: string;
            resource: string;
        };
        /** ActivationCodeOut */
        ActivationCodeOut: {
            code: string;
            /** Format: date-time */
            expires_at: string;
            /** Format: uuid */
            id: string;
            qr_payload: string;
        };
        /** ActivationCodeState */
        ActivationCodeState: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
            /** Format: uuid */
            id: string;
            spent_at: string | null;
            /** @enum {string} */
            state: "active" | "spent" | "expired" | "revoked";
        };
        /** ActivationIn */
        ActivationIn: {
            code: string;
            /** @default false */
            remember_device?: boolean;
        };
        /** ActivationOut */
        ActivationOut: {
            session: components["schemas"]["SessionOut"];
            sign_in_options: components["schemas"]["SignInOption"][];
        };
        /** ActiveSessionOut */
        ActiveSessionOut: {
            /** Format: date-time */
            created_at: string;
            current: boolean;
            /** Format: date-time */
            expires_at: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            last_seen_at: string;
        };
        /** AdminItem */
        AdminItem: {
            category: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            journey_steps: string[];
            links: string[];
            opening_hours: components["schemas"]["OpeningHours"][];
            phones: string[];
            place_ids: string[];
            published_at: string | null;
            published_version: number | null;
            status: string;
            texts: {
                [key: string]: components["schemas"]["TextOut"][];
            };
            /** Format: date-time */
            updated_at: string;
            version: number;
        };
        /** AdminPlace */
        AdminPlace: {
            city: string;
            house_number: string;
            /** Format: uuid */
            id: string;
            latitude: number;
            longitude: number;
            opening_hours: components["schemas"]["OpeningHours"][];
            phone: string | null;
            postal_code: string;
            street: string;
            texts: {
                [key: string]: components["schemas"]["TextOut"][];
            };
            version: number;
        };
        /** AnswerForResident */
        AnswerForResident: {
            author: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            language: string;
            text: string;
            translation?: components["schemas"]["TranslationOut"];
        };
        /** AnswerIn */
        AnswerIn: {
            language?: string | null;
            /** @default false */
            send_translation?: boolean;
            text: string;
            /**
             * @default nobody
             * @enum {string}
             */
            then_waiting_for?: "municipality" | "resident" | "other_party" | "nobody";
        };
        /** AssignmentIn */
        AssignmentIn: {
            account_id: string | null;
        };
        /** AuditEventOut */
        AuditEventOut: {
            action: string;
            /** Format: uuid */
            actor_account_id: string;
            actor_name: string;
            actor_role: string;
            fields: string[];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurred_at: string;
            purpose: string;
            request_id: string | null;
            /** Format: uuid */
            resident_id: string;
            resource: string;
        };
        /** CaseOut */
        CaseOut: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            interaction_id: string;
            kind: string;
            /** @example K7Q2-9MXA */
            reference: string;
            registration: components["schemas"]["interactions_schemas_Registration"];
            status: string | null;
            status_set_at: string | null;
        };
        /** CaseRefOut */
        CaseRefOut: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            interaction_id: string;
            kind: string;
            reference: string;
            registration: components["schemas"]["admin_schemas_Registration"];
            /** Format: uuid */
            resident_id: string;
        };
        /** CaseworkerAssignIn */
        CaseworkerAssignIn: {
            account_id?: string | null;
            contact?: string | null;
        };
        /** CaseworkerOut */
        CaseworkerOut: {
            contact: string | null;
            name: string;
        };
        /** CaseworkerRef */
        CaseworkerRef: {
            /** Format: uuid */
            account_id: string;
            name: string | null;
        };
        /** CatalogStatus */
        CatalogStatus: {
            domain: string;
            reviewed: number;
            total: number;
            translated: number;
        };
        /** ChangeOut */
        ChangeOut: {
            /** Format: date-time */
            changed_at: string;
            changed_by: string;
            field: string;
            /** Format: uuid */
            id: string;
            new_value: unknown;
            old_value: unknown;
            subject: string;
            /** Format: uuid */
            subject_id: string;
        };
        /** ColleagueOut */
        ColleagueOut: {
            /** Format: uuid */
            account_id: string;
            name: string | null;
            roles: string[];
        };
        /** ConsentChangeIn */
        ConsentChangeIn: {
            /** @enum {string} */
            action: "grant" | "withdraw";
            language: string;
            purpose: string;
            text_version: number;
        };
        /** ConsentEntryOut */
        ConsentEntryOut: {
            action: string;
            channel: string;
            data_categories: string[];
            /** Format: uuid */
            id: string;
            legal_basis: string;
            purpose: string;
            receipt: string;
            recipient: string;
            /** Format: date-time */
            recorded_at: string;
            seq: number;
            text_language: string | null;
            text_translation_state: string | null;
            text_version: number | null;
        };
        /** ConsentReceipt */
        ConsentReceipt: {
            action: components["schemas"]["Labelled"];
            channel: components["schemas"]["Labelled"];
            consent_text: components["schemas"]["ReceiptText"] | null;
            controller: components["schemas"]["ReceiptController"];
            data_categories: components["schemas"]["Labelled"][];
            how_to_withdraw: string;
            /** Format: date-time */
            issued_at: string;
            language: string;
            legal_basis: components["schemas"]["Labelled"];
            legal_basis_article: string;
            purpose: components["schemas"]["Labelled"];
            /** Format: uuid */
            receipt_id: string;
            recipient: components["schemas"]["Labelled"];
            /** Format: date-time */
            recorded_at: string;
            /** Format: uuid */
            resident_id: string;
            summary: string;
        };
        /** ConsentStateOut */
        ConsentStateOut: {
            data_categories: string[];
            grant_requires_review: boolean;
            granted_text_version: number | null;
            label: string;
            legal_basis: string;
            purpose: string;
            recipient: string;
            recipient_label: string;
            since: string | null;
            source_text: components["schemas"]["ConsentTextOut"] | null;
            /** @enum {string} */
            state: "granted" | "withdrawn" | "not_asked";
            text: components["schemas"]["ConsentTextOut"] | null;
            text_changed: boolean;
        };
        /** ConsentTextOut */
        ConsentTextOut: {
            body: string;
            language: string;
            reviewed: boolean;
            title: string;
            translation_state: string;
            version: number;
        };
        /** ConsentTranslationIn */
        ConsentTranslationIn: {
            body: string;
            /**
             * @default translated
             * @enum {string}
             */
            state?: "machine" | "translated";
            title: string;
        };
        /** ConsentTranslationOut */
        ConsentTranslationOut: {
            body: string | null;
            language: string;
            /** @default false */
            outdated?: boolean;
            purpose: string;
            reviewed_at: string | null;
            reviewed_by: string | null;
            source_body: string;
            source_title: string;
            title: string | null;
            translation_state: string | null;
            version: number;
        };
        /** ConversationOut */
        ConversationOut: {
            assigned_to: components["schemas"]["CaseworkerRef"] | null;
            first_answered_at: string | null;
            messages: components["schemas"]["MessageOut"][];
            /** @default false */
            needs_interpreter?: boolean;
            question: components["schemas"]["QuestionRef"];
            /** Format: uuid */
            resident_id: string;
            version: number;
            waiting_for: string;
        };
        /** CoordinatorHelpRequestOut */
        CoordinatorHelpRequestOut: {
            age_hours: number;
            category: string;
            claimed_at: string | null;
            closed_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            language: string;
            neighbourhood: string;
            rating: number | null;
            reports: number;
            state: string;
            volunteer_id: string | null;
            volunteer_name: string | null;
            /** Format: date-time */
            wanted_from: string;
            /** Format: date-time */
            wanted_until: string;
        };
        /** CoordinatorProfileOut */
        CoordinatorProfileOut: {
            /** Format: uuid */
            account_id: string;
            areas: string[];
            availability: string[];
            display_name: string;
            /** Format: uuid */
            id: string;
            languages: string[];
            open_claims: number;
            organisation: string | null;
            skills: string[];
            suspension_reason: string | null;
            /** Format: date-time */
            updated_at: string;
            vetting: components["schemas"]["Vetting"];
        };
        /** CoordinatorReportOut */
        CoordinatorReportOut: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            help_request_id: string;
            /** Format: uuid */
            id: string;
            text: string;
            volunteer_id: string | null;
        };
        /** DocumentOut */
        DocumentOut: {
            content_type: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            language: string;
            /** @example K7Q2-9MXA */
            reference: string;
            registration: components["schemas"]["interactions_schemas_Registration"];
            sha256: string;
            size: number;
        };
        /** DocumentUpload */
        DocumentUpload: {
            /** Format: binary */
            file: string;
            language: string;
        };
        /** DraftTranslationIn */
        DraftTranslationIn: {
            /** @default nl */
            language?: string;
            target?: string | null;
            text: string;
        };
        /** DraftTranslationOut */
        DraftTranslationOut: {
            original: components["schemas"]["TextInLanguage"];
            translation: components["schemas"]["TranslationOut"];
        };
        /** ErasureRefusalIn */
        ErasureRefusalIn: {
            reason: string;
        };
        /** ErasureRequestDetail */
        ErasureRequestDetail: {
            completed_at: string | null;
            completed_by_account_id: string | null;
            /** Format: uuid */
            id: string;
            outcome: {
                [key: string]: unknown;
            };
            reason: string | null;
            refusal_reason: string | null;
            refused_at: string | null;
            refused_by_account_id: string | null;
            /** Format: date-time */
            requested_at: string;
            /** Format: uuid */
            resident_id: string;
            retained: components["schemas"]["RetainedTable"][];
            state: string;
            waiting_for_registration: number;
        };
        /** ErasureRequestIn */
        ErasureRequestIn: {
            reason?: string | null;
        };
        /** ErasureRequestOut */
        ErasureRequestOut: {
            completed_at: string | null;
            /** Format: uuid */
            id: string;
            refusal_reason?: string | null;
            refused_at?: string | null;
            /** Format: date-time */
            requested_at: string;
            state: string;
            what_happens: string;
        };
        /** ErasureRequestSummary */
        ErasureRequestSummary: {
            completed_at: string | null;
            /** Format: uuid */
            id: string;
            refused_at: string | null;
            /** Format: date-time */
            requested_at: string;
            /** Format: uuid */
            resident_id: string;
            state: string;
        };
        /** Feedback */
        Feedback: {
            comment: string | null;
            rating: number | null;
        };
        /**
         * HelpCategory
         * @enum {string}
         */
        HelpCategory: "accompany_appointment" | "language_help" | "bike" | "moving_furniture" | "homework_help" | "paperwork" | "other";
        /** HelpRequestIn */
        HelpRequestIn: {
            category: components["schemas"]["HelpCategory"];
            description: string;
            language: string;
            neighbourhood: string;
            /** Format: date-time */
            wanted_from: string;
            /** Format: date-time */
            wanted_until: string;
        };
        /** HouseholdMemberIn */
        HouseholdMemberIn: {
            birth_year?: number | null;
            name: string;
            /** @enum {string} */
            relation: "partner" | "child" | "other";
            school?: string | null;
        };
        /** HouseholdMemberOut */
        HouseholdMemberOut: {
            birth_year: number | null;
            /** Format: uuid */
            id: string;
            name: string;
            relation: string;
            school: string | null;
            version: number;
        };
        /** HouseholdMemberPatch */
        HouseholdMemberPatch: {
            birth_year?: number | null;
            name?: string;
            relation?: "partner" | "child" | "other";
            school?: string | null;
        };
        /** ImportResult */
        ImportResult: {
            empty: number;
            imported: number;
            language: string;
            skipped_stale: number;
            skipped_unknown: number;
            unchanged: number;
        };
        /** InterpreterIn */
        InterpreterIn: {
            needs_interpreter: boolean;
        };
        /** ItemIn */
        ItemIn: {
            /** @default  */
            body?: string;
            category: string;
            journey_steps?: string[];
            links?: components["schemas"]["Link"][];
            opening_hours?: components["schemas"]["OpeningHours"][];
            phones?: string[];
            place_ids?: string[];
            summary: string;
            title: string;
        };
        /** ItemPatch */
        ItemPatch: {
            body?: string;
            category?: string;
            journey_steps?: string[];
            links?: components["schemas"]["Link"][];
            opening_hours?: components["schemas"]["OpeningHours"][];
            phones?: string[];
            place_ids?: string[];
            summary?: string;
            title?: string;
        };
        /** JourneyOut */
        JourneyOut: {
            done: number;
            next_step: components["schemas"]["StepOut"] | null;
            steps: components["schemas"]["StepOut"][];
            total: number;
        };
        /** Labelled */
        Labelled: {
            code: string;
            label: string;
        };
        /** LanguageChoice */
        LanguageChoice: {
            language: string;
        };
        /** LanguageChoiceOut */
        LanguageChoiceOut: {
            direction: string;
            language: string;
        };
        /** LanguageProgress */
        LanguageProgress: {
            language: string;
            machine: number;
            missing: number;
            outdated: number;
            reviewed: number;
            total: number;
            translated: number;
        };
        /** Link */
        Link: {
            label: string;
            url: string;
        };
        /** MeOut */
        MeOut: {
            address: components["schemas"]["residents_schemas_Address"] | null;
            arrival_date: string | null;
            caseworker: components["schemas"]["CaseworkerOut"] | null;
            email: string | null;
            full_name: string | null;
            household: components["schemas"]["HouseholdMemberOut"][];
            /** Format: uuid */
            id: string;
            language: string;
            languages: string[];
            municipality: components["schemas"]["MunicipalityRef"];
            phone: string | null;
            preferred_language: string;
            preferred_name: string;
            registered: components["schemas"]["RegisteredData"];
            /** Format: date-time */
            updated_at: string;
            version: number;
        };
        /** MePatch */
        MePatch: {
            address?: components["schemas"]["residents_schemas_Address"] | null;
            arrival_date?: string | null;
            email?: string | null;
            full_name?: string | null;
            languages?: string[];
            phone?: string | null;
            preferred_language?: string;
            preferred_name?: string;
        };
        /** MessageOut */
        MessageOut: {
            author: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            kind: string;
            language: string;
            registration: components["schemas"]["admin_schemas_Registration"] | null;
            text: string;
            translation?: components["schemas"]["TranslationOut"];
        };
        /** MunicipalityRef */
        MunicipalityRef: {
            code: string;
            name: string;
        };
        /** NoteIn */
        NoteIn: {
            text: string;
        };
        /** NotificationIn */
        NotificationIn: {
            aanmaakdatum: string;
            actie: string;
            hoofdObject: string;
            kanaal: string;
            kenmerken?: {
                [key: string]: unknown;
            };
            resource: string;
            resourceUrl: string;
        };
        /** NotificationOut */
        NotificationOut: {
            body: string;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            kind: string;
            language: string;
            read_at: string | null;
            /** Format: uuid */
            reference_id: string;
            title: string;
            translation_state: string;
        };
        /** NotificationPage */
        NotificationPage: {
            items: components["schemas"]["NotificationOut"][];
            next_cursor: string | null;
            unread_count: number;
        };
        /** OpeningHours */
        OpeningHours: {
            closes: string;
            day: number;
            opens: string;
        };
        /** OwnHelpRequestOut */
        OwnHelpRequestOut: {
            category: string;
            /** Format: date-time */
            created_at: string;
            description: string;
            feedback: components["schemas"]["Feedback"];
            /** Format: uuid */
            id: string;
            language: string;
            neighbourhood: string;
            state: string;
            volunteer: components["schemas"]["VolunteerRef"] | null;
            /** Format: date-time */
            wanted_from: string;
            /** Format: date-time */
            wanted_until: string;
        };
        /** Page[ConversationOut] */
        "Page_welkom.admin.schemas.ConversationOut_": {
            items: components["schemas"]["ConversationOut"][];
            next_cursor: string | null;
        };
        /** Page[ResidentSummary] */
        "Page_welkom.admin.schemas.ResidentSummary_": {
            items: components["schemas"]["ResidentSummary"][];
            next_cursor: string | null;
        };
        /** Page[AccessLogEntry] */
        "Page_welkom.audit.schemas.AccessLogEntry_": {
            items: components["schemas"]["AccessLogEntry"][];
            next_cursor: string | null;
        };
        /** Page[AuditEventOut] */
        "Page_welkom.audit.schemas.AuditEventOut_": {
            items: components["schemas"]["AuditEventOut"][];
            next_cursor: string | null;
        };
        /** Page[RegistrationEntryOut] */
        "Page_welkom.cases.schemas.RegistrationEntryOut_": {
            items: components["schemas"]["RegistrationEntryOut"][];
            next_cursor: string | null;
        };
        /** Page[ConsentEntryOut] */
        "Page_welkom.consent.schemas.ConsentEntryOut_": {
            items: components["schemas"]["ConsentEntryOut"][];
            next_cursor: string | null;
        };
        /** Page[ErasureRequestSummary] */
        "Page_welkom.gdpr.schemas.ErasureRequestSummary_": {
            items: components["schemas"]["ErasureRequestSummary"][];
            next_cursor: string | null;
        };
        /** Page[CaseOut] */
        "Page_welkom.interactions.schemas.CaseOut_": {
            items: components["schemas"]["CaseOut"][];
            next_cursor: string | null;
        };
        /** Page[QuestionOut] */
        "Page_welkom.interactions.schemas.QuestionOut_": {
            items: components["schemas"]["QuestionOut"][];
            next_cursor: string | null;
        };
        /** Page[ChangeOut] */
        "Page_welkom.residents.schemas.ChangeOut_": {
            items: components["schemas"]["ChangeOut"][];
            next_cursor: string | null;
        };
        /** Page[CoordinatorHelpRequestOut] */
        "Page_welkom.volunteers.schemas.CoordinatorHelpRequestOut_": {
            items: components["schemas"]["CoordinatorHelpRequestOut"][];
            next_cursor: string | null;
        };
        /** Page[CoordinatorProfileOut] */
        "Page_welkom.volunteers.schemas.CoordinatorProfileOut_": {
            items: components["schemas"]["CoordinatorProfileOut"][];
            next_cursor: string | null;
        };
        /** Page[CoordinatorReportOut] */
        "Page_welkom.volunteers.schemas.CoordinatorReportOut_": {
            items: components["schemas"]["CoordinatorReportOut"][];
            next_cursor: string | null;
        };
        /** Page[OwnHelpRequestOut] */
        "Page_welkom.volunteers.schemas.OwnHelpRequestOut_": {
            items: components["schemas"]["OwnHelpRequestOut"][];
            next_cursor: string | null;
        };
        /** Page[VolunteerHelpRequestOut] */
        "Page_welkom.volunteers.schemas.VolunteerHelpRequestOut_": {
            items: components["schemas"]["VolunteerHelpRequestOut"][];
            next_cursor: string | null;
        };
        /** PasskeyCeremonyOut */
        PasskeyCeremonyOut: {
            /** Format: uuid */
            ceremony_id: string;
            public_key: {
                [key: string]: unknown;
            };
        };
        /** PasskeyOut */
        PasskeyOut: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            last_used_at: string | null;
            name: string;
        };
        /** PasskeyRegisterIn */
        PasskeyRegisterIn: {
            /** Format: uuid */
            ceremony_id: string;
            credential: {
                [key: string]: unknown;
            };
            /** @default  */
            name?: string;
        };
        /** PasskeySignInIn */
        PasskeySignInIn: {
            /** Format: uuid */
            ceremony_id: string;
            credential: {
                [key: string]: unknown;
            };
        };
        /** PlaceIn */
        PlaceIn: {
            /** @default  */
            accessibility?: string;
            city: string;
            house_number: string;
            latitude: number;
            longitude: number;
            name: string;
            opening_hours?: components["schemas"]["OpeningHours"][];
            phone?: string | null;
            postal_code: string;
            street: string;
        };
        /** PlaceOut */
        PlaceOut: {
            accessibility?: string | null;
            address: components["schemas"]["services_schemas_Address"];
            /** Format: uuid */
            id: string;
            language: string;
            latitude: number;
            longitude: number;
            name: string;
            opening_hours?: components["schemas"]["OpeningHours"][];
            /** @default false */
            outdated?: boolean;
            phone?: string | null;
            /** @default false */
            unreviewed?: boolean;
        };
        /** PreferencesIn */
        PreferencesIn: {
            push?: {
                [key: string]: boolean;
            };
            quiet_hours?: components["schemas"]["QuietHoursIO"];
        };
        /** PreferencesOut */
        PreferencesOut: {
            push: {
                [key: string]: boolean;
            };
            quiet_hours: components["schemas"]["QuietHoursIO"];
        };
        /** PreviewIn */
        PreviewIn: {
            body: string;
        };
        /** PreviewOut */
        PreviewOut: {
            html: string;
        };
        /**
         * ProblemDetails
         * @description RFC 9457 problem details, localized (Content-Language).
         */
        ProblemDetails: {
            detail?: string;
            errors?: {
                field: string;
                message: string;
                source: string;
            }[];
            request_id?: string;
            status: number;
            title: string;
            /**
             * @description `machine`: the texts in the request's language are not checked by a person yet; `reviewed`: they are.
             * @enum {string}
             */
            translation_state?: "machine" | "reviewed";
            /** @description `urn:welkom:problem:<slug>` */
            type: string;
        };
        /** ProfileIn */
        ProfileIn: {
            areas?: string[];
            availability?: string[];
            display_name: string;
            languages: string[];
            organisation?: string | null;
            skills?: components["schemas"]["HelpCategory"][];
        };
        /** ProfileOut */
        ProfileOut: {
            areas: string[];
            availability: string[];
            display_name: string;
            /** Format: uuid */
            id: string;
            languages: string[];
            organisation: string | null;
            skills: string[];
            /** Format: date-time */
            updated_at: string;
            vetting: components["schemas"]["Vetting"];
        };
        /** PublicKeyOut */
        PublicKeyOut: {
            public_key: string;
        };
        /** QuestionIn */
        QuestionIn: {
            language: string;
            text: string;
        };
        /** QuestionOut */
        QuestionOut: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            language: string;
            /** @example K7Q2-9MXA */
            reference: string;
            registration: components["schemas"]["interactions_schemas_Registration"];
            text: string;
        };
        /** QuestionRef */
        QuestionRef: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            language: string;
            reference: string;
            registration: components["schemas"]["admin_schemas_Registration"];
            text: string;
        };
        /** QuestionTranslationOut */
        QuestionTranslationOut: {
            original: components["schemas"]["TextInLanguage"];
            /** Format: uuid */
            question_id: string;
            translation: components["schemas"]["TranslationOut"];
        };
        /** QuietHoursIO */
        QuietHoursIO: {
            end: string;
            start: string;
            time_zone: string;
        };
        /** RatingIn */
        RatingIn: {
            comment?: string | null;
            rating: number;
        };
        /** ReassignIn */
        ReassignIn: {
            volunteer_id: string | null;
        };
        /** ReceiptController */
        ReceiptController: {
            gemeentecode: string;
            name: string;
            rsin: string;
        };
        /** ReceiptText */
        ReceiptText: {
            body: string;
            language: string;
            sha256: string;
            title: string;
            translation_state: string;
            version: number;
        };
        /** RegisteredData */
        RegisteredData: {
            bsn: components["schemas"]["Sourced"] | null;
            registered_name: components["schemas"]["Sourced"] | null;
            v_number: components["schemas"]["Sourced"] | null;
        };
        /** RegisteredDataIn */
        RegisteredDataIn: {
            bsn?: string | null;
            bsn_source?: string | null;
            legal_basis: string;
            registered_name?: string | null;
            registered_name_source?: string | null;
            v_number?: string | null;
            v_number_source?: string | null;
        };
        /** RegisteredDataOut */
        RegisteredDataOut: {
            bsn: string | null;
            bsn_source: string | null;
            legal_basis: string | null;
            registered_name: string | null;
            registered_name_source: string | null;
            v_number: string | null;
            v_number_source: string | null;
        };
        /** RegistrationEntryOut */
        RegistrationEntryOut: {
            attempts: number;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            interaction_id: string;
            kind: string | null;
            last_error: string | null;
            /** Format: date-time */
            next_attempt_at: string;
            problem: {
                [key: string]: unknown;
            } | null;
            state: string;
            zaak: string | null;
        };
        /** ReportIn */
        ReportIn: {
            text: string;
        };
        /** ResidentDetail */
        ResidentDetail: {
            arrival_date: string | null;
            caseworker: components["schemas"]["CaseworkerRef"] | null;
            /** Format: date-time */
            created_at: string;
            email: string | null;
            full_name: string | null;
            help_requests: number;
            /** Format: uuid */
            id: string;
            languages: string[];
            open_questions: number;
            phone: string | null;
            preferred_language: string;
            preferred_name: string;
            registered: components["schemas"]["RegisteredDataOut"];
            /** Format: date-time */
            updated_at: string;
            version: number;
        };
        /** ResidentIntakeIn */
        ResidentIntakeIn: {
            arrival_date?: string | null;
            /** @default true */
            become_caseworker?: boolean;
            email?: string | null;
            full_name?: string | null;
            languages?: string[];
            phone?: string | null;
            preferred_language: string;
            preferred_name: string;
        };
        /** ResidentSummary */
        ResidentSummary: {
            caseworker: components["schemas"]["CaseworkerRef"] | null;
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            last_activity_at: string;
            preferred_language: string;
            preferred_name: string;
            waiting_on_municipality: number;
        };
        /** RetainedTable */
        RetainedTable: {
            columns: {
                [key: string]: string;
            };
            reason: string;
            rows: number;
            table: string;
        };
        /** ReviewIn */
        ReviewIn: {
            text?: string | null;
        };
        /** ServiceDetail */
        ServiceDetail: {
            /** @default  */
            body_html?: string;
            body_language?: string | null;
            category: string;
            category_name: string;
            /** Format: uuid */
            id: string;
            journey_steps?: string[];
            language: string;
            links?: components["schemas"]["Link"][];
            opening_hours?: components["schemas"]["OpeningHours"][];
            /** @default false */
            outdated?: boolean;
            phones?: string[];
            places?: components["schemas"]["PlaceOut"][];
            summary: string;
            title: string;
            /** @default false */
            unreviewed?: boolean;
            /** Format: date-time */
            updated_at: string;
        };
        /** ServiceList */
        ServiceList: {
            direction: string;
            items: components["schemas"]["ServiceSummary"][];
            language: string;
            next_cursor: string | null;
        };
        /** ServiceSummary */
        ServiceSummary: {
            category: string;
            distance_m?: number | null;
            /** Format: uuid */
            id: string;
            language: string;
            /** @default false */
            outdated?: boolean;
            summary: string;
            title: string;
            /** @default false */
            unreviewed?: boolean;
        };
        /** SessionOut */
        SessionOut: {
            /** Format: uuid */
            account_id: string;
            display_name: string;
            /** Format: uuid */
            municipality_id: string;
            resident_id: string | null;
            roles: string[];
        };
        /** SharedContact */
        SharedContact: {
            email: string | null;
            languages: string[];
            phone: string | null;
            preferred_name: string;
        };
        /** SignInOption */
        SignInOption: {
            /** @enum {string} */
            kind: "device" | "oidc";
            link_url: string | null;
            provider: string | null;
        };
        /** Signal */
        Signal: {
            caseworker: components["schemas"]["CaseworkerRef"] | null;
            detail: {
                [key: string]: string | number | null;
            };
            kind: string;
            /** Format: uuid */
            resident_id: string;
            resident_name: string;
            /** Format: date-time */
            since: string;
            /** Format: uuid */
            subject_id: string;
        };
        /** SignalsOut */
        SignalsOut: {
            counts: {
                [key: string]: number;
            };
            items: components["schemas"]["Signal"][];
            scope: string;
        };
        /** Sourced */
        Sourced: {
            /** @default false */
            editable?: boolean;
            source: string | null;
            value: string;
        };
        /** StaffProviderOut */
        StaffProviderOut: {
            display_name: string;
            key: string;
        };
        /** StaffSignInOut */
        StaffSignInOut: {
            demo_login: boolean;
            providers: components["schemas"]["StaffProviderOut"][];
        };
        /** StepOut */
        StepOut: {
            due_date: string | null;
            explanation: string;
            /** Format: uuid */
            id: string;
            is_next: boolean;
            key: string;
            language: string;
            next_actor: string | null;
            next_actor_name: string | null;
            note: string | null;
            position: number;
            service_item_id: string | null;
            status: string;
            title: string;
            translation_state: string;
            typical_duration_days: number | null;
            /** Format: date-time */
            updated_at: string;
            version: number;
            zaak_identificatie: string | null;
        };
        /** StepTranslationIn */
        StepTranslationIn: {
            /**
             * @default translated
             * @enum {string}
             */
            state?: "machine" | "translated";
            text: string;
            title: string;
        };
        /** StepTranslationOut */
        StepTranslationOut: {
            key: string;
            language: string;
            /** @default false */
            outdated?: boolean;
            position: number;
            reviewed_at: string | null;
            reviewed_by: string | null;
            source_text: string;
            source_title: string;
            text: string | null;
            title: string | null;
            translation_state: string | null;
            /** @default 0 */
            version?: number;
        };
        /** StepUpdate */
        StepUpdate: {
            due_date?: string | null;
            next_actor?: ("resident" | "municipality" | "other") | null;
            next_actor_name?: string | null;
            note?: string | null;
            status?: "not_started" | "in_progress" | "waiting_for_municipality" | "done" | "not_applicable";
            zaak_identificatie?: string | null;
        };
        /** SubscriptionIn */
        SubscriptionIn: {
            endpoint: string;
            expirationTime?: number | null;
            keys: components["schemas"]["SubscriptionKeys"];
        };
        /** SubscriptionKeys */
        SubscriptionKeys: {
            auth: string;
            p256dh: string;
        };
        /** SubscriptionOut */
        SubscriptionOut: {
            /** Format: date-time */
            created_at: string;
            /** Format: uuid */
            id: string;
            last_sent_at: string | null;
            push_service: string;
        };
        /** SuspensionIn */
        SuspensionIn: {
            reason: string;
        };
        /** TextInLanguage */
        TextInLanguage: {
            language: string;
            text: string;
        };
        /** TextOut */
        TextOut: {
            language: string;
            outdated: boolean;
            reviewed_at: string | null;
            reviewed_by: string | null;
            state: string;
            text: string;
            /** Format: date-time */
            updated_at: string;
            updated_by: string | null;
        };
        /** TranslationEntry */
        TranslationEntry: {
            field: string;
            language: string;
            outdated: boolean;
            /** Format: uuid */
            owner_id: string;
            owner_kind: string;
            reviewed_at: string | null;
            reviewed_by: string | null;
            source_revision: number;
            source_text: string;
            state: string | null;
            text: string | null;
            updated_at: string | null;
            updated_by: string | null;
            /** @default 0 */
            version?: number;
        };
        /** TranslationIn */
        TranslationIn: {
            /**
             * @default translated
             * @enum {string}
             */
            state?: "machine" | "translated";
            text: string;
        };
        /** TranslationLanguagesOut */
        TranslationLanguagesOut: {
            engine: string;
            languages: components["schemas"]["translation_schemas_LanguageOut"][];
        };
        /** TranslationOut */
        TranslationOut: {
            engine: string;
            language: string;
            state: string;
            text: string;
        };
        /** TranslationServerIn */
        TranslationServerIn: {
            /**
             * @default libretranslate
             * @constant
             */
            engine?: "libretranslate";
            url: string | null;
        };
        /** TranslationServerOut */
        TranslationServerOut: {
            api_key_configured: boolean;
            configured: boolean;
            engine: string | null;
            languages?: components["schemas"]["translation_schemas_LanguageOut"][];
            reachable?: boolean;
            url: string | null;
        };
        /** UnreadCount */
        UnreadCount: {
            unread_count: number;
        };
        /** VersionOut */
        VersionOut: {
            commit: string | null;
            version: string;
        };
        /** Vetting */
        Vetting: {
            state: string;
            suspended_at: string | null;
            vetted_at: string | null;
            vog_date: string | null;
        };
        /** VettingIn */
        VettingIn: {
            /** Format: date */
            vog_date: string;
        };
        /** VolunteerHelpRequestOut */
        VolunteerHelpRequestOut: {
            category: string;
            contact: components["schemas"]["SharedContact"] | null;
            /** Format: date-time */
            created_at: string;
            description: string;
            /** Format: uuid */
            id: string;
            language: string;
            mine: boolean;
            neighbourhood: string;
            state: string;
            /** Format: date-time */
            wanted_from: string;
            /** Format: date-time */
            wanted_until: string;
        };
        /** VolunteerRef */
        VolunteerRef: {
            display_name: string;
            organisation: string | null;
        };
        /** WaitingForIn */
        WaitingForIn: {
            /** @enum {string} */
            waiting_for: "municipality" | "resident" | "other_party" | "nobody";
        };
        /** Registration */
        admin_schemas_Registration: {
            registered_at: string | null;
            state: string | null;
            zaak_identificatie: string | null;
        };
        /** LanguageOut */
        i18n_languages_LanguageOut: {
            catalogs: components["schemas"]["CatalogStatus"][];
            cldr_locale: string;
            code: string;
            day_names: string[];
            direction: string;
            english_name: string;
            name: string;
            numbering_system: string;
            plural_forms: string;
            ui_complete: boolean;
            ui_reviewed: boolean;
        };
        /** Registration */
        interactions_schemas_Registration: {
            registered_at: string | null;
            state: string;
            zaak_identificatie: string | null;
        };
        /** Address */
        residents_schemas_Address: {
            city: string;
            house_number: string;
            postcode: string;
            street: string;
        };
        /** Address */
        services_schemas_Address: {
            city: string;
            house_number: string;
            postal_code: string;
            street: string;
        };
        /** LanguageOut */
        translation_schemas_LanguageOut: {
            code: string;
            targets: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAuditEvents: {
        parameters: {
            query?: {
                resident_id?: string | null;
                actor_account_id?: string | null;
                since?: string | null;
                until?: string | null;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.audit.schemas.AuditEventOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getCaseByReference: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseRefOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listCaseworkers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseworkerRef"][];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listColleagues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ColleagueOut"][];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminListConsentTranslations: {
        parameters: {
            query: {
                language: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentTranslationOut"][];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminSubmitConsentTranslation: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
                "If-None-Match"?: string | null;
            };
            path: {
                purpose: string;
                language: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentTranslationIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentTranslationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminReviewConsentTranslation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                purpose: string;
                version: number;
                language: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentTranslationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listConversations: {
        parameters: {
            query?: {
                assigned?: "mine" | "unassigned" | null;
                waiting_for?: "municipality" | "resident" | "other_party" | "nobody" | null;
                order?: "oldest_first" | "unanswered_first";
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.admin.schemas.ConversationOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    translateAnswerDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DraftTranslationIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftTranslationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    answerQuestion: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    assignConversation: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    setConversationNeedsInterpreter: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InterpreterIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    addConversationNote: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    translateQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionTranslationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    setConversationWaitingFor: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WaitingForIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listErasureRequests: {
        parameters: {
            query?: {
                state?: string | null;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.gdpr.schemas.ErasureRequestSummary_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getErasureRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRequestDetail"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    completeErasureRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRequestSummary"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    refuseErasureRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ErasureRefusalIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRequestSummary"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminListJourneyTranslations: {
        parameters: {
            query: {
                language: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepTranslationOut"][];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminSubmitJourneyTranslation: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                key: string;
                language: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepTranslationIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepTranslationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminReviewJourneyTranslation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                language: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepTranslationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listRegistrations: {
        parameters: {
            query?: {
                state?: string;
                kind?: string | null;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.cases.schemas.RegistrationEntryOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    retryRegistration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request accepted, processing continues off-line */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationEntryOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getReport: {
        parameters: {
            query?: {
                from?: string | null;
                to?: string | null;
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "text/csv": string;
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listResidents: {
        parameters: {
            query?: {
                caseload?: string | null;
                journey_step?: "housing" | "brp_registration" | "digid" | "bank_account" | "health_insurance" | "benefits" | "inburgering_pip" | "school" | "gp" | "language_course" | null;
                journey_status?: "not_started" | "in_progress" | "waiting_for_municipality" | "done" | "not_applicable" | null;
                waiting?: boolean | null;
                active_since?: string | null;
                inactive_since?: string | null;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.admin.schemas.ResidentSummary_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createResident: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResidentIntakeIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getResident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentDetail"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listResidentAccessLog: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.audit.schemas.AccessLogEntry_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listActivationCodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivationCodeState"][];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    issueActivationCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivationCodeOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    becomeResidentCaseworker: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseworkerAssignIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentDetail"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listResidentConsents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentStateOut"][];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listResidentConversations: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.admin.schemas.ConversationOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listResidentChanges: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.residents.schemas.ChangeOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listResidentHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdMemberOut"][];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getResidentJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    startResidentJourney: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateResidentJourneyStep: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                resident_id: string;
                step_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepUpdate"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    recordRegisteredData: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                resident_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisteredDataIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResidentDetail"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminListServices: {
        parameters: {
            query?: {
                status?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminItem"][];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminCreateService: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminItem"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminListPlaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminPlace"][];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminCreatePlace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminPlace"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminGetPlace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                place_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminPlace"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminReplacePlace: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                place_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminPlace"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminPreviewServiceBody: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviewOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminGetService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminItem"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminUpdateService: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemPatch"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminItem"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminArchiveService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminItem"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminPublishService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminItem"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminUnpublishService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminItem"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listSignals: {
        parameters: {
            query?: {
                scope?: "mine" | "team";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalsOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getTranslationServer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslationServerOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    setTranslationServer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TranslationServerIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslationServerOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listTranslationLanguages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslationLanguagesOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminListTranslations: {
        parameters: {
            query: {
                language: string;
                status?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslationEntry"][];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminExportTranslations: {
        parameters: {
            query: {
                language: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/x-gettext-translation": string;
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminImportTranslations: {
        parameters: {
            query: {
                language: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResult"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminTranslationProgress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LanguageProgress"][];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminSubmitTranslation: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                owner_id: string;
                field: string;
                language: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TranslationIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslationEntry"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    adminReviewTranslation: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                owner_id: string;
                field: string;
                language: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslationEntry"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listVolunteers: {
        parameters: {
            query?: {
                state?: "unvetted" | "vetted" | "suspended" | null;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.volunteers.schemas.CoordinatorProfileOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listHelpRequestsForCoordinator: {
        parameters: {
            query?: {
                state?: "open" | "claimed" | "done" | "cancelled" | "no_show" | null;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.volunteers.schemas.CoordinatorHelpRequestOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listAgeingHelpRequests: {
        parameters: {
            query?: {
                older_than_hours?: number | null;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.volunteers.schemas.CoordinatorHelpRequestOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listHelpReports: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.volunteers.schemas.CoordinatorReportOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    reassignHelpRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReassignIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoordinatorHelpRequestOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                volunteer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoordinatorProfileOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    suspendVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                volunteer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuspensionIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoordinatorProfileOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    liftVolunteerSuspension: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                volunteer_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoordinatorProfileOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    vetVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                volunteer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VettingIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CoordinatorProfileOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    redeemActivationCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActivationIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    rememberDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deviceLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    logoutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    oidcCallback: {
        parameters: {
            query?: {
                code?: string | null;
                state?: string | null;
                error?: string | null;
                iss?: string | null;
            };
            header?: never;
            path: {
                provider_key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect Response */
            303: {
                headers: {
                    /** @description target path for the redirect */
                    location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    oidcLink: {
        parameters: {
            query?: {
                return_to?: string | null;
                login_hint?: string | null;
            };
            header?: never;
            path: {
                provider_key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect Response */
            303: {
                headers: {
                    /** @description target path for the redirect */
                    location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    oidcLogin: {
        parameters: {
            query?: {
                return_to?: string | null;
                login_hint?: string | null;
            };
            header?: never;
            path: {
                provider_key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect Response */
            303: {
                headers: {
                    /** @description target path for the redirect */
                    location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    passkeyLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeySignInIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    passkeySignInOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyCeremonyOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMyPasskeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyOut"][];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    addPasskey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyRegisterIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    passkeyRegistrationOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyCeremonyOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    removePasskey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                passkey_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMySessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActiveSessionOut"][];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    endMySession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    staffSignInOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffSignInOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listLanguages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["i18n_languages_LanguageOut"][];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MePatch"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMyAccessLog: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.audit.schemas.AccessLogEntry_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMyCases: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.interactions.schemas.CaseOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMyCaseByReference: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMyConsents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentStateOut"][];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    changeMyConsent: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentChangeIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentEntryOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMyConsentEntries: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.consent.schemas.ConsentEntryOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMyConsentReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entry_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentReceipt"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    uploadDocument: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["DocumentUpload"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMyErasureRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRequestOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    requestErasure: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ErasureRequestIn"];
            };
        };
        responses: {
            /** @description The open request, answered again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRequestOut"];
                };
            };
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureRequestOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    exportMyData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMyHelpRequests: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.volunteers.schemas.OwnHelpRequestOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    createHelpRequest: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HelpRequestIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMyHelpRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnHelpRequestOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    cancelMyHelpRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnHelpRequestOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    rateMyHelpRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RatingIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnHelpRequestOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    reportHelpRequest: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMyDataChanges: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.residents.schemas.ChangeOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listHousehold: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdMemberOut"][];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    addHouseholdMember: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HouseholdMemberIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdMemberOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    removeHouseholdMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                member_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateHouseholdMember: {
        parameters: {
            query?: never;
            header?: {
                "If-Match"?: string | null;
            };
            path: {
                member_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HouseholdMemberPatch"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HouseholdMemberOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getMyJourney: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JourneyOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    chooseMyLanguage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LanguageChoice"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LanguageChoiceOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listPushSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionOut"][];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    registerPushSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    deletePushSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listQuestions: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.interactions.schemas.QuestionOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    askQuestion: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuestionIn"];
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuestionOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listAnswersToMyQuestion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                question_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnswerForResident"][];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getPushPublicKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicKeyOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listServices: {
        parameters: {
            query?: {
                municipality?: string | null;
                category?: string | null;
                q?: string | null;
                near?: string | null;
                radius_km?: number;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of compact service summaries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceList"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getService: {
        parameters: {
            query?: {
                municipality?: string | null;
            };
            header?: never;
            path: {
                item_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceDetail"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listOpenHelpRequests: {
        parameters: {
            query?: {
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.volunteers.schemas.VolunteerHelpRequestOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    listMyClaimedHelpRequests: {
        parameters: {
            query?: {
                state?: "open" | "claimed" | "done" | "cancelled" | "no_show" | null;
                cursor?: string | null;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_welkom.volunteers.schemas.VolunteerHelpRequestOut_"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getHelpRequestAsVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerHelpRequestOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    claimHelpRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerHelpRequestOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    markHelpRequestDone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerHelpRequestOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    markHelpRequestNoShow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerHelpRequestOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    releaseHelpRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolunteerHelpRequestOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    getVolunteerProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileOut"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    saveVolunteerProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProfileIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    receiveZgwNotification: {
        parameters: {
            query?: never;
            header?: {
                Authorization?: string | null;
            };
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationIn"];
            };
        };
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            /** @description Refused (RFC 9457 problem details) */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Failed (RFC 9457 problem details) */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
