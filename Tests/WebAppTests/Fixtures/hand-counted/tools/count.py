# Hand-count aid: applies the written definitions (INDICATORS.md, docs/indicators-2026.md, docs/*.md) to the
# fixture's records (data.py) and prints, for every row, the records in numerator and denominator.
import sys, os, datetime as dt
from decimal import Decimal, ROUND_HALF_UP
sys.path.insert(0, os.path.dirname(__file__))
from wd import wd, addwd, addm, D
import data as Dt

MONTHS = [('2026-04-01','2026-04-30'),('2026-05-01','2026-05-31'),('2026-06-01','2026-06-30')]
POP = 171572  # ONS mid-2024, Nottinghamshire (891), children 0-17: every date 2026-04..06 is FY 2026-27 -> mid-2026 not published -> nearest earlier (2024)
def periods(m):
    s,e = m
    ys = '2026-04-01'
    rs = addm(D(s), -11).isoformat()
    return {'in_month':(s,e),'cumulative_ytd':(ys,e),'rolling_12_months':(rs,e)}
def q4(x):
    return str(Decimal(x).quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP))
def fmt(x):
    x = Decimal(x)
    s = format(x.normalize(), 'f') if x != 0 else '0'
    return s
ROWS = []; REASON = {}
def emit(ind, basis, p, n, d, kind='pct', note=''):
    n = Decimal(str(n)); d = Decimal(str(d))
    if kind == 'pct': v = '' if d == 0 else q4(Decimal(100)*n/d)
    elif kind == 'ratio': v = '' if d == 0 else q4(n/d)
    elif kind == 'per10k': v = '' if d == 0 else q4(Decimal(10000)*n/d)
    elif kind == 'count': v = q4(n)
    ROWS.append((ind, basis, p[0], p[1], fmt(n), fmt(d), v))
    REASON.setdefault(ind, []).append(f'- {basis} {p[0]}..{p[1]}: **{fmt(n)} / {fmt(d)}** → {v or "(empty)"}' + (f'\n  {note}' if note else ''))
inr = lambda x, p: x is not None and p[0] <= x <= p[1]

# ---------- CIN census, merged (the 2026-27 version of an episode wins; 2025-26-only episodes as at 31 Mar 2026)
EPS = []
for e in Dt.EPISODES:
    EPS.append(e)
def isopen(ref, close, d): return ref <= d and (close is None or close > d)

def event_indicator(ind, items, kind='pct', short=lambda it: it['id']):
    """items: list of dict(date=qualifying date, num=bool, id=...) ; emits 3 bases x 3 months"""
    for m in MONTHS:
        for b,p in periods(m).items():
            sel = [it for it in items if inr(it['date'], p)]
            n = sum(1 for it in sel if it['num'])
            note = 'in: ' + ', '.join(f"{short(it)}{'✓' if it['num'] else '✗'}" for it in sorted(sel, key=lambda i: i['date'])) if sel else 'no records'
            emit(ind, b, p, n, len(sel), kind, note)

# single_assessment_timeliness (+_dfe)
ass = []
for e in EPS:
    for a in e.get('ass', []):
        if a['auth']:
            ass.append(dict(child=e['child'], ref=e['ref'], start=a['start'], auth=a['auth'], factors=a['factors']))
items = [dict(date=a['auth'], num=wd(a['ref'], a['auth']) <= 45, id=f"{a['child'][-3:]}(ref {a['ref']}, auth {a['auth']}: {wd(a['ref'],a['auth'])}wd)") for a in ass if a['auth'] >= a['ref']]
event_indicator('single_assessment_timeliness', items)
items = [dict(date=a['auth'], num=wd(a['start'], a['auth']) <= 45, id=f"{a['child'][-3:]}(start {a['start']}, auth {a['auth']}: {wd(a['start'],a['auth'])}wd)") for a in ass if a['auth'] >= a['start']]
event_indicator('single_assessment_timeliness_dfe', items)

# single_assessment_overdue_open: snapshot at month end; open assessments (no authorisation date, started <= D) past 45 wd from referral
for m in MONTHS:
    Dd = m[1]
    # open at D (§1.3): started on or before D and not authorised by D (no date, or a date after D)
    openA = [(e['child'], e['ref'], a['start']) for e in EPS for a in e.get('ass', []) if a['start'] <= Dd and (a['auth'] is None or a['auth'] > Dd)]
    over = [x for x in openA if wd(x[1], Dd) > 45]
    emit('single_assessment_overdue_open', 'snapshot', (Dd,Dd), len(over), len(openA), 'count',
         'open: ' + ', '.join(f"{c[-3:]}(ref {r}: {wd(r,Dd)}wd{' OVERDUE' if wd(r,Dd)>45 else ''})" for c,r,s in openA))

# referrals (child, date) once per child-day
refs = {}
for e in EPS:
    k = (e['child'], e['ref'])
    r = refs.setdefault(k, dict(child=e['child'], date=e['ref'], nfa=False, assessed=False))
    r['nfa'] |= e['nfa']; r['assessed'] |= bool(e.get('ass'))
R = sorted(refs.values(), key=lambda r: (r['date'], r['child']))
def is_rereferral(r):
    lo = addm(D(r['date']), -12).isoformat()
    return any(o['child']==r['child'] and lo <= o['date'] < r['date'] for o in R)
event_indicator('re_referral_12m', [dict(date=r['date'], num=is_rereferral(r), id=f"{r['child'][-3:]}@{r['date']}") for r in R])
event_indicator('referrals_to_assessment', [dict(date=r['date'], num=r['assessed'], id=f"{r['child'][-3:]}@{r['date']}") for r in R])
event_indicator('referrals_nfa', [dict(date=r['date'], num=r['nfa'], id=f"{r['child'][-3:]}@{r['date']}") for r in R])

# plans
plans = []
for e in EPS:
    for c in e.get('cpps', []):
        plans.append(dict(child=e['child'], **c))
# unique plan starts per child
ps = {}
for p in plans: ps.setdefault((p['child'], p['start']), p)
P = list(ps.values())
def repeat_ever(p): return p['prev'] > 0 or any(o['child']==p['child'] and o['start'] < p['start'] for o in P)
def repeat_2y(p):
    lo = addm(D(p['start']), -24).isoformat()
    return any(o['child']==p['child'] and o['end'] and lo <= o['end'] < p['start'] for o in P)
event_indicator('cpp_repeat_ever', [dict(date=p['start'], num=repeat_ever(p), id=f"{p['child'][-3:]}@{p['start']}(prev={p['prev']})") for p in P])
event_indicator('cpp_repeat_within_2y', [dict(date=p['start'], num=repeat_2y(p), id=f"{p['child'][-3:]}@{p['start']}") for p in P])
# children-deduplicated: per period, children with a plan start in it; repeat if any of their starts in the period is a repeat
for m in MONTHS:
    for b,pp in periods(m).items():
        kids = {}
        for p in P:
            if inr(p['start'], pp): kids[p['child']] = kids.get(p['child'], False) or repeat_ever(p)
        emit('cpp_repeat_ever_children', b, pp, sum(kids.values()), len(kids), 'pct', 'children: ' + ', '.join(f"{k[-3:]}{'✓' if v else '✗'}" for k,v in sorted(kids.items())))
event_indicator('cpp_lasting_2y_plus', [dict(date=p['end'], num=p['end'] >= addm(D(p['start']),24).isoformat(), id=f"{p['child'][-3:]}({p['start']}→{p['end']})") for p in P if p['end'] and p['end'] >= p['start']])
def plan_open(p, d): return p['start'] <= d and (p['end'] is None or p['end'] > d)
for m in MONTHS:
    Dd = m[1]
    op = [p for p in P if plan_open(p, Dd)]
    lim = addm(D(Dd), -24).isoformat()
    n = [p for p in op if p['start'] <= lim]
    emit('cpp_open_2y_plus_snapshot', 'snapshot', (Dd,Dd), len(n), len(op), 'pct', f'open plans: ' + ', '.join(f"{p['child'][-3:]}({p['start']}{'✓' if p['start']<=lim else '✗'})" for p in op) + f'; limit start ≤ {lim}')
    kids = sorted({p['child'] for p in op})
    emit('cpp_rate_per_10k', 'snapshot', (Dd,Dd), len(kids), POP, 'per10k', 'children: ' + ', '.join(k[-3:] for k in kids))

# cp_reviews_on_time (snapshot) and review conferences
def judge_reviews(p, Dd=None):
    """returns list of (review date, due, on_time) for reviews of plan p up to Dd"""
    rv = sorted(set(r for r in p['reviews'] if Dd is None or r <= Dd))
    out = []; prev = None
    for r in rv:
        due = addm(D(p['start']), 3) if prev is None else addm(D(prev), 6)
        out.append((r, due.isoformat(), r <= due.isoformat())); prev = r
    return out
for m in MONTHS:
    Dd = m[1]
    lim = addm(D(Dd), -3).isoformat()
    cur = {}
    for p in P:
        if plan_open(p, Dd):
            if p['child'] not in cur or p['start'] > cur[p['child']]['start']: cur[p['child']] = p
    coh = [p for p in cur.values() if p['start'] <= lim]
    notes = []; n = 0
    for p in sorted(coh, key=lambda p: p['child']):
        j = judge_reviews(p, Dd)
        rv = [r for r,_,_ in j if p['start'] <= r <= Dd]
        nxt = addm(D(rv[-1]), 6) if rv else addm(D(p['start']), 3)
        ok = all(o for _,_,o in j) and Dd <= nxt.isoformat()
        n += ok
        notes.append(f"{p['child'][-3:]}(start {p['start']}; reviews " + ', '.join(f"{r}≤{d}{'✓' if o else '✗'}" for r,d,o in j) + f"; next due {nxt}) {'✓' if ok else '✗'}")
    emit('cp_reviews_on_time', 'snapshot', (Dd,Dd), n, len(coh), 'pct', f'cohort start ≤ {lim}: ' + '; '.join(notes))
conf = []
for p in P:
    for r,due,o in judge_reviews(p):
        conf.append(dict(date=r, num=o, id=f"{p['child'][-3:]}({r}≤{due})"))
event_indicator('cp_review_conferences_in_month_on_time', conf)

# ICPC (census)
s47 = [dict(child=e['child'], **s) for e in EPS for s in e.get('s47', [])]
event_indicator('icpc_within_15wd_dfe', [dict(date=s['icpc'], num=wd(s['start'], s['icpc']) <= 15, id=f"{s['child'][-3:]}(s47 {s['start']}→{s['icpc']}: {wd(s['start'],s['icpc'])}wd)") for s in s47 if s['icpc'] and s['icpc'] >= s['start']])
event_indicator('icpc_per_100_s47', [dict(date=s['start'], num=bool(s['icpc']), id=f"{s['child'][-3:]}(s47 {s['start']}, ICPC {s['icpc']})") for s in s47])
# Annex A
event_indicator('icpc_within_15wd', [dict(date=i, num=wd(sd, i) <= 15, id=f"{c[-3:]}(strategy {sd}→{i}: {wd(sd,i)}wd)") for c,sd,u,i in Dt.ANNEX5 if i])

# rates per 10k
for m in MONTHS:
    Dd = m[1]
    kids = sorted({e['child'] for e in EPS if isopen(e['ref'], e.get('close'), Dd)})
    emit('cin_rate_per_10k', 'snapshot', (Dd,Dd), len(kids), POP, 'per10k', f'{len(kids)} children: ' + ', '.join(k[-3:] for k in kids))
FACT = {'factor_domestic_abuse_per_10k':{'3A','3B','3C'}, 'factor_neglect_per_10k':{'16A'}, 'factor_cse_per_10k':{'11A'},
        'factor_cce_per_10k':{'24A'}, 'factor_missing_per_10k':{'10A'}, 'factor_trafficking_per_10k':{'12A'}, 'factor_gangs_per_10k':{'13A'}}
for ind, codes in FACT.items():
    for m in MONTHS:
        for b,p in periods(m).items():
            sel = [a for a in ass if inr(a['auth'], p) and codes & set(a['factors'])]
            emit(ind, b, p, len(sel), POP, 'per10k', 'assessments: ' + (', '.join(f"{a['child'][-3:]}@{a['auth']}" for a in sel) or 'none'))

# pre-proceedings
pps = [dict(child=e['child'], **e['pp']) for e in EPS if e.get('pp')]
def mean_ind(ind, field):
    for m in MONTHS:
        for b,p in periods(m).items():
            sel = [x for x in pps if inr(x.get(field), p) and x[field] >= x['PPStartDate']]
            tot = sum(wd(x['PPStartDate'], x[field]) for x in sel)
            emit(ind, b, p, tot, len(sel), 'ratio', ', '.join(f"{x['child'][-3:]}({x['PPStartDate']}→{x[field]}: {wd(x['PPStartDate'],x[field])}wd)" for x in sel) or 'none')
mean_ind('pp_working_days_to_letter', 'LBPSentDate')
mean_ind('pp_working_days_to_first_meeting', 'InitialPPMeetingDate')
mean_ind('pp_working_days_to_step_decision', 'StepDecisionDate')
event_indicator('pp_fgdm_offered', [dict(date=x['LBPSentDate'], num=x.get('FGDMMeetingOffer')=='1', id=f"{x['child'][-3:]}(offer {x.get('FGDMMeetingOffer')})") for x in pps if x.get('LBPSentDate')])
event_indicator('pp_fgdm_facilitated', [dict(date=x['LBPSentDate'], num=x.get('FGDMMeetingFac')=='1', id=f"{x['child'][-3:]}(fac {x.get('FGDMMeetingFac')})") for x in pps if x.get('LBPSentDate')])
for o in 'abc':
    event_indicator(f'pp_outcome_{o}', [dict(date=x['StepDecisionDate'], num=x.get('PPOutcome','')==o.upper(), id=f"{x['child'][-3:]}(outcome {x.get('PPOutcome','none')})") for x in pps if x.get('StepDecisionDate')])
for m in MONTHS:
    for b,p in periods(m).items():
        sel = [x for x in pps if inr(x.get('CourtAppDate'), p)]
        emit('pp_applications_to_court', b, p, len(sel), 1, 'count', ', '.join(f"{x['child'][-3:]}@{x['CourtAppDate']}" for x in sel) or 'none')

# ---------- bundle
# referrer_informed_of_outcome
event_indicator('referrer_informed_of_outcome', [dict(date=dd, num=bool(inf) and inf >= dd, id=f"{rid}(decision {dd}, informed {inf or '-'})") for rid,dd,inf,t in Dt.FEEDBACK if t not in ('anonymous','self')])
# audits
RANK = {'outstanding':1,'good':2,'adequate':3,'requires improvement':3,'inadequate':4}
au = []
for c,ad,who,g,sv,mo,cv,mg,md in Dt.AUDITS:
    au.append(dict(child=c, date=md or ad, grade=mg or g, mo=mo))
event_indicator('case_audit_adequate_or_better', [dict(date=a['date'], num=RANK[a['grade']]<=3, id=f"{a['child'][-3:]}({a['grade']})") for a in au])
event_indicator('case_audit_good_or_better', [dict(date=a['date'], num=RANK[a['grade']]<=2, id=f"{a['child'][-3:]}({a['grade']})") for a in au])
event_indicator('supervision_records_adequate_or_better', [dict(date=a['date'], num=RANK[a['mo']]<=3, id=f"{a['child'][-3:]}(oversight {a['mo']})") for a in au if a['mo']])
# visits
V = {c: sorted(v for v in vs if isinstance(v,str)) for c,vs in Dt.VISITS.items()}  # seen visits only
for m in MONTHS:
    s,Dd = m
    op = [p for p in P if plan_open(p, Dd) and wd(p['start'], Dd) > 10]
    notes=[]; n=0
    for p in sorted(op, key=lambda p:p['child']):
        last = max(v for v in V.get(p['child'],[]) if v <= Dd)
        ok = wd(last, Dd) <= 10; n += ok
        notes.append(f"{p['child'][-3:]}(plan {p['start']}, last seen {last}: {wd(last,Dd)}wd {'✓' if ok else '✗'})")
    emit('cp_visits_in_timescale', 'snapshot', (Dd,Dd), n, len(op), 'pct', '; '.join(notes))
    # in month
    onp = [p for p in P if p['start'] <= Dd and (p['end'] is None or p['end'] >= s)]
    kids = sorted({p['child'] for p in onp})
    notes=[]; n=0
    for k in kids:
        vs = V.get(k, [])
        inm = [v for v in vs if s <= v <= Dd]
        before = [v for v in vs if v < s]
        seq = ([before[-1]] if before else []) + inm
        gaps = [(a,b,wd(a,b)) for a,b in zip(seq, seq[1:])]
        ok = all(g <= 10 for _,_,g in gaps); n += ok
        notes.append(f"{k[-3:]}[" + ' '.join(f"{a[5:]}→{b[5:]}:{g}" for a,b,g in gaps) + f"] {'✓' if ok else '✗'}")
    emit('cp_visits_in_timescale', 'in_month', m, n, len(kids), 'pct', '; '.join(notes))
# allocations
for m in MONTHS:
    Dd = m[1]
    kids = sorted({e['child'] for e in EPS if isopen(e['ref'], e.get('close'), Dd)})
    un=[]; q=[]; notes=[]
    for k in kids:
        al = [a for a in Dt.ALLOCATIONS if a[0]==k and a[2] <= Dd and (a[3]=='' or a[3] >= Dd)]
        if not al or al[0][1]=='': un.append(k); notes.append(f"{k[-3:]} unallocated"); continue
        if al[0][4]=='Y': q.append(k); notes.append(f"{k[-3:]} {al[0][1]} qualified")
        else: notes.append(f"{k[-3:]} {al[0][1]} NOT qualified")
    emit('unallocated_cases', 'snapshot', (Dd,Dd), len(un), 1, 'count', f'{len(un)} unallocated of {len(kids)} open cases: ' + '; '.join(notes))
    emit('cases_allocated_to_qualified_sw', 'snapshot', (Dd,Dd), len(q), len(kids), 'pct', '; '.join(notes))
# care leavers
for m in MONTHS:
    Dd = m[1]; lim = addm(D(Dd), -6).isoformat()
    op = [c for c,f,t in Dt.CARE_LEAVERS if f <= Dd and (t=='' or t > Dd)]
    notes=[]; n=0
    for c in op:
        rv = [r for cc,r in Dt.PATHWAY if cc==c and r <= Dd]
        ok = bool(rv) and max(rv) >= lim; n+=ok
        notes.append(f"{c[-3:]}(latest review {max(rv) if rv else 'none'} {'✓' if ok else '✗'})")
    emit('care_leavers_pathway_plan', 'snapshot', (Dd,Dd), n, len(op), 'pct', f'limit ≥ {lim}: ' + '; '.join(notes))
# workforce
W = {r[0]: [Decimal(x) for x in r[1:]] for r in Dt.WORKFORCE}
for m in MONTHS:
    Dd = m[1]; mon = Dd[:7]
    ip, vac, ag, lv, dl, cs, ch = W[mon]
    emit('sw_vacancy_rate', 'snapshot', (Dd,Dd), vac, vac+ip, 'pct', f'{mon}: vacancies {vac} ÷ ({vac} + in post {ip})')
    emit('sw_agency_rate', 'snapshot', (Dd,Dd), ag, ag+ip, 'pct', f'{mon}: agency {ag} ÷ ({ag} + in post {ip})')
    emit('sw_average_caseload', 'snapshot', (Dd,Dd), cs, ch, 'ratio', f'{mon}: cases {cs} ÷ case-holding FTE {ch}')
    ms = [addm(D(Dd[:8]+'01'), -k).isoformat()[:7] for k in range(11,-1,-1)]
    p = periods(m)['rolling_12_months']
    lvs = sum(W[x][3] for x in ms); dls = sum(W[x][4] for x in ms)
    emit('sw_turnover_rate', 'rolling_12_months', p, lvs, ip, 'pct', f'leavers {ms[0]}..{ms[-1]} = ' + '+'.join(str(W[x][3]) for x in ms) + f' = {lvs}; in post at {mon} {ip}')
    emit('sw_sickness_days_per_fte', 'rolling_12_months', p, dls, ip, 'ratio', f'days lost {ms[0]}..{ms[-1]} = ' + '+'.join(str(W[x][4]) for x in ms) + f' = {dls}; in post {ip}')
    emit('sw_absence_rate', 'rolling_12_months', p, dls, ip*253, 'pct', f'{dls} ÷ ({ip} × 253 = {ip*253})')

# ---------- SSDA903
E9 = [dict(child=c, decom=a, rne=r, ls=ls, place=pl, dec=dc or None, rec=rec) for c,a,r,ls,cn,pl,pp,dc,rec,rpc,hp,plp in Dt.EPISODES903]
DOB = {c:d for c,s,d,e in Dt.HEADER903}
JUDGE = max([x for e in E9 for x in (e['decom'], e['dec']) if x] + [r for rs in Dt.REVIEWS903.values() for r in rs])
def lac_at(c, d):
    return any(e['child']==c and e['ls'] not in ('V3','V4') and e['decom'] <= d and (e['dec'] is None or e['dec'] > d) for e in E9)
def poc(c):  # periods of care (start, end) from episodes
    eps = sorted([e for e in E9 if e['child']==c and e['ls'] not in ('V3','V4')], key=lambda e: e['decom'])
    out=[]
    for e in eps:
        if out and e['rne'] != 'S' and out[-1][1] == e['decom']: out[-1][1] = e['dec']
        else: out.append([e['decom'], e['dec']])
    return out
CLA = sorted(DOB)
def age(c, d):
    b = D(DOB[c]); d = D(d); return d.year - b.year - ((d.month, d.day) < (b.month, b.day))
# lac reviews: due chain per period of care
dues = []  # (child, due, held, on_time)
for c in CLA:
    for s,e in poc(c):
        rv = sorted(set(r for r in Dt.REVIEWS903.get(c, []) if r >= s and (e is None or r <= e)))
        due = addwd(s, 20).isoformat(); k = 0; i = 0
        while due <= JUDGE and (e is None or due < e) :
            held = rv[i] if i < len(rv) else None
            dues.append((c, due, held, held is not None and held <= due))
            if held is None: break
            k += 1; i += 1
            due = addm(D(held), 3 if k == 1 else 6).isoformat()
for m in MONTHS:
    for b,p in periods(m).items():
        sel = [x for x in dues if inr(x[1], p)]
        kids = sorted({x[0] for x in sel})
        ok = [k for k in kids if all(x[3] for x in sel if x[0]==k)]
        emit('lac_reviews_on_time', b, p, len(ok), len(kids), 'pct', '; '.join(f"{k[-3:]}[" + ', '.join(f"due {x[1]} held {x[2]}{'✓' if x[3] else '✗'}" for x in sel if x[0]==k) + ']' for k in kids))
# placements: every episode with RNE != L begins a placement
def placements(c):
    return [(e['decom'], e['dec']) for e in sorted(E9, key=lambda e:e['decom']) if e['child']==c and e['ls'] not in ('V3','V4') and e['rne'] != 'L']
for m in MONTHS:
    Dd = m[1]; ys = addm(D(Dd), -12).isoformat()
    coh = [c for c in CLA if lac_at(c, Dd)]
    notes=[]; n=0
    for c in coh:
        pl = [x for x in placements(c) if x[0] <= Dd and (x[1] is None or x[1] > ys)]
        st = [x for x in pl if x[0] > ys]
        ok = len(pl) >= 3; n += ok
        notes.append(f"{c[-3:]}({len(pl)} placements in force in ({ys},{Dd}], {len(st)} begun in it){'✓' if ok else ''}")
    emit('placement_stability_short_term', 'snapshot', (Dd,Dd), n, len(coh), 'pct', '; '.join(notes))
    emit('cla_rate_per_10k', 'snapshot', (Dd,Dd), len(coh), POP, 'per10k', 'children: ' + ', '.join(c[-3:] for c in coh))
    # NI 63
    l30 = addm(D(Dd), -30).isoformat(); l24 = addm(D(Dd), -24).isoformat()
    coh63 = []
    notes=[]; n=0
    for c in coh:
        pc = [x for x in poc(c) if x[0] <= Dd and (x[1] is None or x[1] > Dd)][0]
        if age(c, Dd) < 16 and pc[0] <= l30:
            coh63.append(c)
            cur = [x for x in placements(c) if x[0] <= Dd and (x[1] is None or x[1] > Dd)][0]
            ok = cur[0] <= l24; n += ok
            notes.append(f"{c[-3:]}(age {age(c,Dd)}, in care since {pc[0]}, placement since {cur[0]}) {'✓' if ok else '✗'}")
    emit('placement_stability_long_term', 'snapshot', (Dd,Dd), n, len(coh63), 'pct', f'in care since ≤ {l30}, placement since ≤ {l24}: ' + ('; '.join(notes) or 'none'))
    # health up to date
    l12 = addm(D(Dd), -12).isoformat()
    notes=[]; n=0; cc=0
    for c in coh:
        pc = [x for x in poc(c) if x[0] <= Dd and (x[1] is None or x[1] > Dd)][0]
        if pc[0] > l12: continue
        cc += 1
        has = sorted(d for k,d,kind in Dt.HEALTH if k==c and d <= Dd)
        last = has[-1] if has else None
        due = addm(D(last), 6 if age(c, last) < 5 else 12).isoformat() if last else None
        ok = bool(last) and Dd <= due; n += ok
        notes.append(f"{c[-3:]}(last {last}, next due {due}) {'✓' if ok else '✗'}")
    emit('lac_health_assessment_timeliness', 'snapshot', (Dd,Dd), n, cc, 'pct', f'in care since ≤ {l12}: ' + '; '.join(notes))
    # three+ social workers
    lo = addm(D(Dd), -12).isoformat()
    notes=[]; n=0
    for c in coh:
        sws = {s for k,s,a,b,r in Dt.SW903 if k==c and a <= Dd and (b=='' or b > lo)}
        ok = len(sws) >= 3; n += ok
        notes.append(f"{c[-3:]}({len(sws)}: {','.join(sorted(sws))})")
    emit('cla_three_plus_social_workers', 'snapshot', (Dd,Dd), n, len(coh), 'pct', f'episodes from ≤ {Dd} not ended by {lo}: ' + '; '.join(notes))
    dol = [c for c,a,b in Dt.DOL if a <= Dd and (b=='' or b > Dd)]
    emit('cla_deprivation_of_liberty', 'snapshot', (Dd,Dd), len(dol), 1, 'count', ', '.join(dol) or 'none')
# initial health assessments
iha = []
for c in CLA:
    for s,e in poc(c):
        due = addwd(s, 20).isoformat()
        if due > JUDGE: continue
        done = [d for k,d,kind in Dt.HEALTH if k==c and kind=='initial' and s <= d]
        ok = bool(done) and min(done) <= due
        iha.append(dict(date=due, num=ok, id=f"{c[-3:]}(in care {s}, due {due}, IHA {min(done) if done else '-'})"))
event_indicator('lac_initial_health_assessment_20wd', iha)
# social worker changes (count)
for m in MONTHS:
    for b,p in periods(m).items():
        sel = [(k,s,bb,r) for k,s,a,bb,r in Dt.SW903 if bb and r and inr(bb, p)]
        emit('cla_social_worker_changes', b, p, len(sel), 1, 'count', ', '.join(f"{k[-3:]} {s} ended {bb} ({r})" for k,s,bb,r in sel) or 'none')
# OC3
YS, YE = '2026-04-01', '2027-03-31'
oc = []
for c,dob,t,a,acc in Dt.OC3:
    b = D(dob)
    for yr in (2026, 2027):
        try: bd = dt.date(yr, b.month, b.day)
        except ValueError: bd = dt.date(yr, 2, 28)
        if YS <= bd.isoformat() <= YE:
            oc.append(dict(child=c, bday=bd.isoformat(), age=yr-b.year, died=(t=='DIED'), eet=a[:1] in ('F','P') if a else False, suit=len(acc)==2 and acc.endswith('1')))
for grp, ages in (('17_18', (17,18)), ('19_21', (19,20,21))):
    rows = [o for o in oc if o['age'] in ages and not o['died']]
    event_indicator(f'care_leavers_{grp}_eet', [dict(date=o['bday'], num=o['eet'], id=f"{o['child'][-3:]}({o['age']} on {o['bday']})") for o in rows])
    event_indicator(f'care_leavers_{grp}_suitable_accommodation', [dict(date=o['bday'], num=o['suit'], id=f"{o['child'][-3:]}({o['age']} on {o['bday']})") for o in rows])

ROWS.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
if __name__ == '__main__':
    out = sys.argv[1] if len(sys.argv) > 1 else '/tmp/helperD/work/expected.csv'
    with open(out, 'w') as f:
        f.write('indicator,basis,period_start,period_end,numerator,denominator,value\n')
        for r in ROWS: f.write(','.join(r) + '\n')
    with open('/tmp/helperD/work/reason_detail.md', 'w') as f:
        for ind in sorted(REASON):
            f.write(f'\n### `{ind}`\n\n' + '\n'.join(REASON[ind]) + '\n')
    print(len(ROWS), 'rows; JUDGE', JUDGE)
