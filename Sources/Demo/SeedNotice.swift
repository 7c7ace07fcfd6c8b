/// The notice the demonstration runs under: DfE's Improvement Notice to Worcestershire County Council (2010), as
/// published (Open Government Licence). Kept in the package so that `improve demo` needs nothing outside the clone;
/// the same text is a fixture of the notice reader's tests.
public enum SeedNotice {
    public static let councilName = "Worcestershire"
    public static let laCode = "885"
    public static let fileName = "worcestershire-2010.txt"

    public static let text = #"""


Improvement Notice

To: Name WORCESTERSHIRE COUNTY COUNCIL (“the Council”)
Address County Hall, Spetchley Road, Worcester, WR5 2NP

This Improvement Notice is being issued due to poor performance in:

Children’s social care services

on the basis of evidence contained in:

the report of the inspection of safeguarding and looked after children’s services carried out by Ofsted (published November 2010) which judged the overall effectiveness of Worcestershire County Council’s safeguarding services to be ‘inadequate’.

The following measure(s) are needed for you to comply with this Improvement Notice:

The Council must take action to:

- (i) improve the areas of weakness identified in the Ofsted inspection report having regard to the recommendations contained therein; and
- (ii) put in place robust arrangements to sustain and build on the improvements secured.

The Council must demonstrate clear evidence of improvement in outcomes, with particular regard to:

- preparing documentation, in agreement with Worcestershire Local Safeguarding Children Board and Worcestershire’s Improvement Board, that sets out the thresholds and criteria for access to children’s social care and ensuring the thresholds and criteria are understood and applied by all partners and agencies of the Council;
- ensuring the responsiveness and quality of assessments and child protection investigations meet the standards set out in ‘Working Together to Safeguard Children 2010’, and ensuring that in all cases referrers are informed of the outcome of all their referrals;
- ensuring that a written performance management and quality assurance framework is prepared with a view to driving up the quality of social care practice and ensuring that it is implemented by all staff. The framework should include regular auditing arrangements of the quality of case files, the

frequency of which should be agreed by the Improvement Board, and action to be taken in response to the audits;

- increasing the percentage of initial assessments for children's social care carried out within timescale from the 2009-10 baseline of 62% to:
 - 70% by June 2011 (in-month figure)
 - 80% by December 2011 (cumulative figure for the first three quarters of 2011-12 reporting year)
- increasing the percentage of core assessments for children's social care carried out within timescale from the 2009-10 baseline of 21% to:
 - 60% by June 2011 (in-month figure)
 - 78% by December 2011 (cumulative figure for the first three quarters of 2011-12 reporting year)
- ensuring effective supervision of child protection social work practice is in place and ensuring that all management oversight and decision-making on individual cases is set out in writing on the case files, with a view to driving up the quality of social care practice;
- ensuring child protection cases are reviewed on a regular basis and that all child protection cases are allocated a qualified social worker;
- ensuring that there is sufficient capacity within children's social care and appropriate actions are taken to improve the retention and stability of the workforce, in particular by reducing the vacancy rate of qualified social workers to 10%;
- developing and implementing a comprehensive programme of induction, training, mentoring and continuous professional development for all social care staff with a view to ensuring high quality and timely assessments;
- in agreement with the West Mercia Police, preparing a written understanding of roles, responsibilities and accountabilities with a view to improving the effectiveness of joint working arrangements with front-line staff.

Improvement against the above measures will be assessed as follows:

We expect that the Council will put in place an improvement programme to carry out the recommendations identified in the Ofsted inspection report and those specifically highlighted in this Improvement Notice. We expect that the Council will produce an Improvement Plan to be shared and agreed with key partners and agencies. The plan should be reviewed and monitored by an Improvement Board, which we expect will meet once a month and include in its membership key partners and agencies. It is expected that the Improvement Board will include within its membership, independent peer support from another local authority and we would like the Council

to consider whether further support and challenge might be sourced from the local government sector.

A review of progress will take place in June 2011 and a final review at the end of January 2012. Such reviews may result in further action being required.

Failure to comply with this Improvement Notice by the assessment date may lead to:

The Secretary of State for Education using statutory powers of intervention (s497A Education Act 1996) directing the Council to enter into an appropriate arrangement to secure the necessary and rapid improvements required in children's services.

Signed: **Date:**
"""#
}
