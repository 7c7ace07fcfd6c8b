import csv, datetime as dt
H=set()
for r in csv.DictReader(open('/work/shared/spec/bank-holidays-england-and-wales.csv')):
    H.add(dt.date.fromisoformat(r['date']))
def D(s): return dt.date.fromisoformat(s) if isinstance(s,str) else s
def isw(d): return d.weekday()<5 and d not in H
def wd(a,b):
    a,b=D(a),D(b)
    if b<a: return -1
    n=0; d=a
    while d<b:
        d+=dt.timedelta(1)
        if isw(d): n+=1
    return n
def addwd(a,n):
    d=D(a); k=0
    while k<n:
        d+=dt.timedelta(1)
        if isw(d): k+=1
    return d
import calendar
def addm(d,k):
    d=D(d); m=d.month-1+k; y=d.year+m//12; m=m%12+1
    return dt.date(y,m,min(d.day,calendar.monthrange(y,m)[1]))
