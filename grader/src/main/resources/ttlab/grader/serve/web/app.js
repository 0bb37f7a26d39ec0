// The page of ttlab's submission service: plain JavaScript on the service's JSON API, with
// relative URLs so that it works under any prefix (JupyterHub's /services/NAME/).
"use strict";

const state = { token: sessionStorage.getItem("ttlab-token"), me: null, assignments: [], selected: null, timer: null };
const $ = (id) => document.getElementById(id);

/** Calls the API; throws an Error with the service's own message on a refusal. */
async function api(path, options = {}) {
  const headers = Object.assign({ Authorization: "Bearer " + state.token }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const type = response.headers.get("Content-Type") || "";
  const body = type.startsWith("application/json") ? await response.json() : await response.text();
  if (!response.ok) {
    const error = new Error(body && body.error ? body.error : "the service answered " + response.status);
    error.status = response.status;
    throw error;
  }
  return body;
}

function el(tag, attributes = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c)));
  return e;
}

const when = (iso) => (iso ? new Date(iso).toLocaleString() : "");
const points = (x) => (x == null ? "" : String(Math.round(x * 1000) / 1000));
const isInstructor = () => state.me && state.me.role === "instructor";

// --- signing in ---------------------------------------------------------------------------

async function signIn(token) {
  state.token = token;
  try {
    state.me = await api("api/me");
  } catch (e) {
    state.token = null;
    sessionStorage.removeItem("ttlab-token");
    $("login-error").textContent = e.message;
    return;
  }
  sessionStorage.setItem("ttlab-token", token);
  $("login-error").textContent = "";
  $("login-view").hidden = true;
  $("app").hidden = false;
  $("who").hidden = false;
  $("user").textContent = state.me.user;
  $("role").textContent = state.me.role;
  for (const e of document.querySelectorAll(".instructor-only")) e.hidden = !isInstructor();
  await loadAssignments();
  await loadSubmissions();
  if (isInstructor()) await loadInstructor();
}

function signOut() {
  sessionStorage.removeItem("ttlab-token");
  location.reload();
}

// --- assignments and handing in -------------------------------------------------------------

async function loadAssignments() {
  state.assignments = await api("api/assignments");
  const select = $("assignment");
  const filter = $("filter-assignment");
  select.replaceChildren();
  for (const a of state.assignments) {
    select.append(el("option", { value: a.name }, a.title === a.name ? a.name : a.title + " (" + a.name + ")"));
    if (!filter.querySelector(`option[value="${CSS.escape(a.name)}"]`)) filter.append(el("option", { value: a.name }, a.name));
  }
  const body = $("assignments").tBodies[0];
  body.replaceChildren();
  for (const a of state.assignments) {
    const policy = [];
    if (a.late_penalty_per_day > 0) policy.push(`−${points(a.late_penalty_per_day * 100)}% per day late`);
    if (a.cutoff) policy.push("closes " + when(a.cutoff));
    // A student's own count; the limit alone for instructors, whose own hand-ins do not matter.
    const used = isInstructor() ? (a.max_submissions ? `at most ${a.max_submissions}` : "no limit")
      : a.max_submissions ? `${a.used} of ${a.max_submissions}` : `${a.used}`;
    const row = el("tr", {}, el("td", {}, a.title), el("td", {}, a.due ? when(a.due) : "no deadline"),
      el("td", {}, policy.join(", ") || (a.due ? "no late penalty" : "")), el("td", {}, used),
      el("td", {}, a.open ? (a.late_now ? "open (late)" : "open") : "closed"));
    if (isInstructor()) {
      row.lastChild.append(" ", el("button", { type: "button", class: "secondary", onclick: () => regradeAssignment(a.name) },
        "Regrade all"));
    }
    body.append(row);
  }
}

/** 00-warmup.ipynb (or "00-warmup (1).ipynb", as browsers save copies) is assignment 00-warmup. */
function chooseAssignmentFor(fileName) {
  const base = fileName.replace(/\.ipynb$/, "");
  const match = state.assignments.find((a) => a.name === base) || state.assignments.find((a) => base.startsWith(a.name));
  if (match) $("assignment").value = match.name;
}

async function submit(event) {
  event.preventDefault();
  const file = $("file").files[0];
  const message = $("submit-message");
  if (!file) return;
  $("submit").disabled = true;
  message.className = "";
  message.textContent = "Uploading " + file.name + "...";
  try {
    const query = "?assignment=" + encodeURIComponent($("assignment").value) + "&filename=" + encodeURIComponent(file.name);
    const s = await api("api/submissions" + query, {
      method: "POST", headers: { "Content-Type": "application/x-ipynb+json" }, body: await file.arrayBuffer(),
    });
    message.className = "ok";
    message.textContent = s.message;
    $("file").value = "";
    state.selected = s.id;
    await loadAssignments();
    await loadSubmissions();
  } catch (e) {
    message.className = "error";
    message.textContent = e.message;
  } finally {
    $("submit").disabled = false;
  }
}

// --- submissions --------------------------------------------------------------------------------

async function loadSubmissions() {
  let query = "";
  if (isInstructor()) {
    const params = new URLSearchParams();
    if ($("filter-student").value.trim()) params.set("student", $("filter-student").value.trim());
    if ($("filter-assignment").value) params.set("assignment", $("filter-assignment").value);
    params.set("limit", "300");
    query = "?" + params;
  }
  const list = await api("api/submissions" + query);
  const body = $("submissions").tBodies[0];
  body.replaceChildren();
  $("no-submissions").hidden = list.length > 0;
  for (const s of list) {
    const late = s.days_late > 0 ? ` (${s.days_late} d late)` : "";
    const row = el("tr", { "data-id": s.id, class: s.id === state.selected ? "selected" : "" },
      el("td", {}, "#" + s.id),
      ...(isInstructor() ? [el("td", {}, s.student)] : []),
      el("td", {}, s.assignment),
      el("td", {}, when(s.submitted_at) + late),
      el("td", {}, el("span", { class: "badge status-" + s.status }, s.status)),
      el("td", { class: "num score" }, s.score == null ? "" : `${points(s.score)} / ${points(s.max_score)}`),
      el("td", { class: "num" }, s.final_score == null ? "" : points(s.final_score)),
      el("td", {}, el("button", { type: "button", class: "secondary", onclick: () => show(s.id) }, "View"),
        ...(isInstructor() && (s.status === "graded" || s.status === "failed")
          ? [" ", el("button", { type: "button", class: "secondary", onclick: () => regrade(s.id) }, "Regrade")] : [])));
    body.append(row);
  }
  const pending = list.some((s) => s.status === "queued" || s.status === "grading");
  clearTimeout(state.timer);
  if (pending) state.timer = setTimeout(refresh, 1500);
  if (state.selected != null) await show(state.selected, true);
}

async function refresh() {
  await loadSubmissions();
  if (isInstructor()) await loadInstructor();
}

async function show(id, quiet) {
  state.selected = id;
  for (const row of $("submissions").tBodies[0].rows) row.classList.toggle("selected", row.dataset.id === String(id));
  const s = await api("api/submissions/" + id);
  $("detail").hidden = false;
  $("detail-title").textContent = `Submission #${s.id}: ${s.assignment}` + (isInstructor() ? ` by ${s.student}` : "");
  const summary = $("detail-summary");
  const frame = $("feedback");
  if (s.status === "graded") {
    let text = `Score ${points(s.score)} / ${points(s.max_score)}`;
    if (s.days_late > 0) text += `; ${s.days_late} day(s) late, −${points(s.penalty * 100)}%: ${points(s.final_score)} counted`;
    summary.textContent = text;
    if (frame.dataset.shown !== `${s.id}:${s.generation}`) {
      frame.srcdoc = await api(`api/submissions/${s.id}/feedback` + (isInstructor() ? "?hidden=1" : ""));
      frame.dataset.shown = `${s.id}:${s.generation}`;
    }
    frame.hidden = false;
  } else {
    summary.textContent = s.status === "failed" ? "Not graded: " + (s.error || "") : `Status: ${s.status}. The feedback appears here once it is graded.`;
    frame.hidden = true;
    frame.dataset.shown = "";
  }
  if (!quiet) $("detail").scrollIntoView({ behavior: "smooth" });
}

// --- instructors -----------------------------------------------------------------------------

async function regrade(id) {
  try {
    await api(`api/submissions/${id}/regrade`, { method: "POST" });
  } catch (e) {
    alert(e.message);
  }
  await refresh();
}

async function regradeAssignment(name) {
  try {
    const r = await api(`api/assignments/${encodeURIComponent(name)}/regrade`, { method: "POST" });
    $("submit-message").className = "ok";
    $("submit-message").textContent = r.message;
  } catch (e) {
    alert(e.message);
  }
  await refresh();
}

async function loadInstructor() {
  const book = await api("api/gradebook");
  const table = el("table", { class: "grid", id: "gradebook-table" },
    el("thead", {}, el("tr", {}, ...book.columns.map((c) => el("th", {}, c)))),
    el("tbody", {}, ...book.rows.map((r) => el("tr", {}, ...r.map((v) => el("td", { class: typeof v === "number" ? "num" : "" },
      typeof v === "number" ? points(v) : v == null ? "" : v))))));
  $("gradebook").replaceChildren(book.rows.length ? table : el("p", { class: "muted" }, "No graded submissions yet."),
    el("p", { class: "muted" }, `Counted: the ${book.counted === "best" ? "best" : "latest"} graded submission of each student.`));
  const q = await api("api/queue");
  const c = q.submissions;
  $("queue").textContent = `${c.queued} queued, ${c.grading} grading, ${c.graded} graded, ${c.failed} failed; ` +
    `${q.graded_last_minute} graded in the last minute` + (q.graded_last_minute ? ` (mean ${q.mean_grading_seconds} s each)` : "");
  const audit = await api("api/audit?limit=100");
  $("audit").tBodies[0].replaceChildren(...audit.map((a) => el("tr", {},
    el("td", {}, when(a.at)), el("td", {}, a.actor), el("td", {}, a.action), el("td", {}, a.submission == null ? "" : "#" + a.submission),
    el("td", {}, a.assignment || ""), el("td", {}, a.sha256 ? a.sha256.slice(0, 12) : ""), el("td", { class: "num" }, a.size_bytes == null ? "" : a.size_bytes),
    el("td", {}, a.decision), el("td", {}, a.detail || ""))));
}

async function downloadCsv() {
  const response = await fetch("api/gradebook.csv", { headers: { Authorization: "Bearer " + state.token } });
  if (!response.ok) {
    alert((await response.json()).error);
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const a = el("a", { href: url, download: "gradebook.csv" });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// --- wiring ---------------------------------------------------------------------------------

$("login-form").addEventListener("submit", (e) => {
  e.preventDefault();
  signIn($("token").value.trim());
});
$("logout").addEventListener("click", signOut);
$("submit-form").addEventListener("submit", submit);
$("file").addEventListener("change", () => $("file").files[0] && chooseAssignmentFor($("file").files[0].name));
$("filter").addEventListener("submit", (e) => {
  e.preventDefault();
  loadSubmissions();
});
$("download-csv").addEventListener("click", downloadCsv);
if (state.token) signIn(state.token);
