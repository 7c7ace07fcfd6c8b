import os, sys, zipfile, datetime as dt, csv, io
sys.path.insert(0, os.path.dirname(__file__))
from data import *
OUT = '/work/main/Tests/WebAppTests/Fixtures/hand-counted/inputs'
os.makedirs(OUT, exist_ok=True)
def ddmmyyyy(s): return '' if not s else dt.date.fromisoformat(s).strftime('%d/%m/%Y')

def cin_file(year):
    ref = '2026-03-31' if year=='2026' else '2027-03-31'
    cut = '2026-03-31' if year=='2026' else '2026-06-30'
    ok = lambda d: d is not None and d <= cut
    L = ['<?xml version="1.0" encoding="utf-8"?>','<Message>','  <Header>','    <CollectionDetails>',
         '      <Collection>CIN</Collection>', f'      <Year>{ref[:4]}</Year>', f'      <ReferenceDate>{ref}</ReferenceDate>',
         '    </CollectionDetails>','    <Source>','      <SourceLevel>L</SourceLevel>','      <LEA>891</LEA>',
         '      <SoftwareCode>hand-counted fixture</SoftwareCode>','      <Release>1</Release>',
         f'      <SerialNo>{ref[:4]}</SerialNo>', f'      <DateTime>{cut}T18:00:00</DateTime>','    </Source>','  </Header>','  <Children>']
    for cid,(dob,sex,eth) in CHILDREN.items():
        eps = [e for e in EPISODES if e['child']==cid and year in e['files']]
        if not eps: continue
        L += ['    <Child>','      <ChildIdentifiers>',f'        <LAchildID>{cid}</LAchildID>',
              f'        <PersonBirthDate>{dob}</PersonBirthDate>',f'        <Sex>{sex}</Sex>','      </ChildIdentifiers>',
              '      <ChildCharacteristics>',f'        <Ethnicity>{eth}</Ethnicity>','      </ChildCharacteristics>']
        for e in eps:
            L.append('      <CINdetails>')
            L.append(f'        <CINreferralDate>{e["ref"]}</CINreferralDate>')
            L.append(f'        <ReferralSource>{e["src"]}</ReferralSource>')
            L.append(f'        <PrimaryNeedCode>{e["need"]}</PrimaryNeedCode>')
            if ok(e.get('close')):
                L.append(f'        <CINclosureDate>{e["close"]}</CINclosureDate>')
                L.append(f'        <ReasonForClosure>{e["reason"]}</ReasonForClosure>')
            if ok(e.get('icpc')):
                L.append(f'        <DateOfInitialCPC>{e["icpc"]}</DateOfInitialCPC>')
            for a in e.get('ass',[]):
                if not ok(a['start']): continue
                L.append('        <Assessments>')
                L.append(f'          <AssessmentActualStartDate>{a["start"]}</AssessmentActualStartDate>')
                if ok(a['auth']):
                    L.append(f'          <AssessmentAuthorisationDate>{a["auth"]}</AssessmentAuthorisationDate>')
                    L.append('          <FactorsIdentifiedAtAssessment>')
                    for f in a['factors']: L.append(f'            <AssessmentFactors>{f}</AssessmentFactors>')
                    L.append('          </FactorsIdentifiedAtAssessment>')
                L.append('        </Assessments>')
            for (s,en) in e.get('cinplans',[]):
                if not ok(s): continue
                L.append('        <CINPlanDates>'); L.append(f'          <CINPlanStartDate>{s}</CINPlanStartDate>')
                if ok(en): L.append(f'          <CINPlanEndDate>{en}</CINPlanEndDate>')
                L.append('        </CINPlanDates>')
            for s in e.get('s47',[]):
                if not ok(s['start']): continue
                L.append('        <Section47>'); L.append(f'          <S47ActualStartDate>{s["start"]}</S47ActualStartDate>')
                if ok(s['icpc']): L.append(f'          <DateOfInitialCPC>{s["icpc"]}</DateOfInitialCPC>')
                L.append(f'          <ICPCnotRequired>{"true" if s["notreq"] else "false"}</ICPCnotRequired>')
                L.append('        </Section47>')
            L.append(f'        <ReferralNFA>{"true" if e["nfa"] else "false"}</ReferralNFA>')
            if year=='2027' and e.get('pp'):
                L.append('        <PreProceedingsandFGDM>')
                for k in ['PPStartDate','LBPSentDate','FGDMMeetingOffer','FGDMMeetingFac','InitialPPMeetingDate','ReviewMeetingsCount','StepDecisionDate','PPOutcome','CourtAppDate','LetterInitCPDate']:
                    if k in e['pp']: L.append(f'          <{k}>{e["pp"][k]}</{k}>')
                L.append('        </PreProceedingsandFGDM>')
            for c in e.get('cpps',[]):
                if not ok(c['start']): continue
                L.append('        <ChildProtectionPlans>'); L.append(f'          <CPPstartDate>{c["start"]}</CPPstartDate>')
                if ok(c['end']): L.append(f'          <CPPendDate>{c["end"]}</CPPendDate>')
                L.append(f'          <InitialCategoryOfAbuse>{c["cat"]}</InitialCategoryOfAbuse>')
                L.append(f'          <LatestCategoryOfAbuse>{c["cat"]}</LatestCategoryOfAbuse>')
                L.append(f'          <NumberOfPreviousCPP>{c["prev"]}</NumberOfPreviousCPP>')
                rv = [r for r in c['reviews'] if ok(r)]
                if rv:
                    L.append('          <Reviews>')
                    for r in rv: L.append(f'            <CPPreviewDate>{r}</CPPreviewDate>')
                    L.append('          </Reviews>')
                L.append('        </ChildProtectionPlans>')
            L.append('      </CINdetails>')
        L.append('    </Child>')
    L += ['  </Children>','</Message>','']
    return '\n'.join(L)

open(f'{OUT}/cin-census-891-2025-26.xml','w').write(cin_file('2026'))
open(f'{OUT}/cin-census-891-2026-27-to-june.xml','w').write(cin_file('2027'))

def wcsv(name, header, rows):
    with open(f'{OUT}/{name}','w',newline='') as f:
        w = csv.writer(f, lineterminator='\n'); w.writerow(header); w.writerows(rows)

wcsv('visits.csv',['child_id','visit_date','seen','seen_alone'],
     [(c, v if isinstance(v,str) else v[0], 'Y' if isinstance(v,str) else v[1], 'N') for c,vs in VISITS.items() for v in vs])
wcsv('allocations.csv',['child_id','worker_id','from_date','to_date','worker_qualified'], ALLOCATIONS)
wcsv('case_audits.csv',['case_id','audit_date','auditor','grade','scale_version','management_oversight_grade','child_voice_recorded','moderated_grade','moderation_date'], AUDITS)
wcsv('referrer_feedback.csv',['referral_id','decision_date','referrer_informed_date','referrer_type'], FEEDBACK)
wcsv('health_assessments.csv',['child_id','assessment_date','kind'], HEALTH)
wcsv('care_leavers.csv',['child_id','care_leaver_from','care_leaver_to'], CARE_LEAVERS)
wcsv('pathway_plan_reviews.csv',['child_id','pathway_plan_review_date'], PATHWAY)
wcsv('workforce_monthly.csv',['month','in_post_fte','vacancies_fte','agency_fte','leavers_fte','working_days_lost','cases','case_holding_fte'], WORKFORCE)
dob = {c:d for c,s,d,e in HEADER903}
wcsv('ssda903-header.csv',['CHILD','SEX','DOB','ETHNIC','UPN','MOTHER','MC_DOB'],
     [(c,s,ddmmyyyy(d),e,'','','') for c,s,d,e in HEADER903])
wcsv('ssda903-episodes.csv',['CHILD','DECOM','RNE','LS','CIN','PLACE','PLACE_PROVIDER','DEC','REC','REASON_PLACE_CHANGE','HOME_POST','PL_POST','URN'],
     [(c,ddmmyyyy(a),r,ls,cn,p,pp,ddmmyyyy(dc),rec,rpc,hp,pl,'') for c,a,r,ls,cn,p,pp,dc,rec,rpc,hp,pl in EPISODES903])
wcsv('ssda903-reviews.csv',['CHILD','DOB','REVIEW','REVIEW_CODE'],
     [(c,ddmmyyyy(dob[c]),ddmmyyyy(r),'PN1') for c,rs in REVIEWS903.items() for r in rs])
wcsv('ssda903-sw_episodes.csv',['CHILD','DOB','SW_ID','SW_DECOM','SW_DEC','SW_REASON'],
     [(c,ddmmyyyy(dob[c]),s,ddmmyyyy(a),ddmmyyyy(b),r) for c,s,a,b,r in SW903])
wcsv('ssda903-dol_orders.csv',['CHILD','DOB','DOLO_START','DOLO_END'],
     [(c,ddmmyyyy(dob[c]),ddmmyyyy(a),ddmmyyyy(b)) for c,a,b in DOL])
wcsv('ssda903-oc3.csv',['CHILD','DOB','IN_TOUCH','ACTIV','ACCOM'],
     [(c,ddmmyyyy(d),t,a,m) for c,d,t,a,m in OC3])

# Annex A workbook, list 5 only, same package layout as `improve generate`'s
def serial(s): return (dt.date.fromisoformat(s) - dt.date(1899,12,30)).days
def cell(ref, v, num=False):
    if num: return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
heads = ['Child Unique ID','Strategy discussion initiating Section 47 Enquiry Start Date',
         'Was an Initial Child Protection Conference deemed unnecessary?','Date of Initial Child Protection Conference','Allocated Team']
rows = ['<row r="1">' + ''.join(cell(f'{"ABCDE"[i]}1', h) for i,h in enumerate(heads)) + '</row>']
for i,(c,sd,un,icpc) in enumerate(ANNEX5, start=2):
    cs = [cell(f'A{i}',c), cell(f'B{i}',serial(sd),True), cell(f'C{i}',un)]
    if icpc: cs.append(cell(f'D{i}',serial(icpc),True))
    cs.append(cell(f'E{i}','Safeguarding North'))
    rows.append(f'<row r="{i}">' + ''.join(cs) + '</row>')
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         + ''.join(rows) + '</sheetData></worksheet>')
wb = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List 5" sheetId="1" r:id="rId1"/></sheets></workbook>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
src = zipfile.ZipFile('/tmp/helperD/gen/annex-a-891.xlsx')
ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
with zipfile.ZipFile(f'{OUT}/annex-a-891-list5.xlsx','w',zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', ct)
    z.writestr('_rels/.rels', src.read('_rels/.rels'))
    z.writestr('xl/workbook.xml', wb)
    z.writestr('xl/_rels/workbook.xml.rels', rels)
    z.writestr('xl/worksheets/sheet1.xml', sheet)
print('built')
