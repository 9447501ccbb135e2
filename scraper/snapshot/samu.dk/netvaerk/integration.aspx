<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="da" lang="da">
<head id="ctl00_Head1">
<meta charset="windows-1252" />
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252" />
<title>
	Integrationspolitisk netværk - Samuelsen
</title>
<meta name="description" content="Samuelsens integrationspolitiske netværk samler kommuner, organisationer og virksomheder om integrationspolitikken." />
<meta name="keywords" content="integration, flygtninge, netværk, Samuelsen, public affairs, IGU" />
<meta name="robots" content="index, follow" />
<link href="/css/styles.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/samu-legacy.js"></script>
<script type="text/javascript">
  var _gaq = _gaq || [];
  _gaq.push(['_setAccount', 'UA-18834201-1']);
  _gaq.push(['_trackPageview']);
  (function() {
    var ga = document.createElement('script'); ga.type = 'text/javascript'; ga.async = true;
    ga.src = ('https:' == document.location.protocol ? 'https://ssl' : 'http://www') + '.google-analytics.com/ga.js';
    var s = document.getElementsByTagName('script')[0]; s.parentNode.insertBefore(ga, s);
  })();
</script>
<style type="text/css">
  body { font-family: Verdana, Arial, sans-serif; font-size: 12px; color: #333; margin: 0; }
  table.layout { width: 980px; margin: 0 auto; border-collapse: collapse; }
  td.leftcol { width: 190px; vertical-align: top; background: #eef1f4; }
  td.maincol { width: 560px; vertical-align: top; padding: 10px 20px; }
  td.rightcol { width: 230px; vertical-align: top; background: #f7f7f7; }
  .overskrift { font-size: 14px; font-weight: bold; color: #003366; }
  .dato { font-weight: bold; }
  #cookiebar { background: #003366; color: #fff; padding: 6px; text-align: center; }
</style>
</head>
<body>
<form name="aspnetForm" method="post" action="integration.aspx" id="aspnetForm">
<div>
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkZt4l3Hw0b7mOQk7cC9M0c1p9WmE=" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEWAgKp7/2XBQLs0bLrBj3O2z1lH0R2Zw==" />
</div>

<div id="cookiebar">Denne hjemmeside anvender cookies til statistik. Ved at fortsætte accepterer du brugen af cookies. &nbsp; <a href="#" onclick="$.cookie('cookieok','1',{expires:365,path:'/'});$('#cookiebar').hide();return false;" style="color:#fff">[OK]</a></div>

<table class="layout" cellpadding="0" cellspacing="0" border="0">
  <tr>
    <td colspan="3" class="header">
      <table width="100%" cellpadding="0" cellspacing="0" border="0">
        <tr>
          <td><a href="/default.aspx"><img src="/images/samuelsen_logo.gif" alt="Samuelsen" width="220" height="60" border="0" /></a></td>
          <td align="right" valign="bottom">
            <a href="/default.aspx">Forside</a> |
            <a href="/netvaerk.aspx">Netværk</a> |
            <a href="/netvaerk/se-alle.aspx">Se alle arrangementer</a> |
            <a href="/kontakt.aspx">Kontakt</a>
          </td>
        </tr>
      </table>
    </td>
  </tr>
  <tr>
    <td colspan="3" class="breadcrumb"><a href="/default.aspx">Forside</a> &gt; <a href="/netvaerk.aspx">Netværk</a> &gt; Integrationspolitisk netværk</td>
  </tr>
  <tr>
    <td class="leftcol">
      <ul class="subnav">
        <li><a href="/netvaerk/socialpolitisk-netvaerk.aspx">Socialpolitisk netværk</a></li>
        <li><a href="/netvaerk/sundhedspolitisk-netvaerk.aspx">Sundhedspolitisk netværk</a></li>
        <li><a href="/netvaerk/beskaeftigelsespolitisk-netvaerk.aspx">Beskæftigelsespolitisk netværk</a></li>
        <li class="selected"><a href="/netvaerk/integration.aspx">Integrationspolitisk netværk</a></li>
        <li><a href="/netvaerk/uddannelsespolitisk-netvaerk.aspx">Uddannelsespolitisk netværk</a></li>
        <li><a href="/netvaerk/se-alle.aspx">Se alle</a></li>
      </ul>
      <p style="padding:8px"><b>Login for medlemmer</b><br />
        Brugernavn<br /><input name="ctl00$txtUser" type="text" id="ctl00_txtUser" size="16" /><br />
        Adgangskode<br /><input name="ctl00$txtPass" type="password" id="ctl00_txtPass" size="16" /><br />
        <input type="submit" name="ctl00$btnLogin" value="Log ind" id="ctl00_btnLogin" />
      </p>
    </td>
    <td class="maincol">
      <h1>Integrationspolitisk netværk</h1>
      <p>Flygtningesituationen har på få måneder gjort integrationspolitikken til et af de vigtigste emner på den politiske dagsorden. Kommunerne skal finde boliger til tusindvis af nye flygtninge, arbejdsmarkedets parter forhandler om nye veje ind på arbejdsmarkedet, og civilsamfundet har mobiliseret frivillige over hele landet.</p>
      <p>Samuelsens integrationspolitiske netværk samler kommuner, organisationer, uddannelsesinstitutioner og virksomheder til møder med de centrale beslutningstagere på området. Netværket mødes fire til seks gange om året, som regel om formiddagen i København.</p>
      <p class="overskrift">Mødeprogram forår 2016</p>

      <table width="100%" cellpadding="4" cellspacing="0" border="0" class="moedetabel">
        <tr>
          <td>
            <p class="overskrift">Flygtningekrisen og kommunerne – boliger, integration og økonomi</p>
            <p class="dato">Tirsdag d. 8. marts 2016 kl. 9.00-12.00</p>
            <p>Med et rekordhøjt antal asylansøgere i 2015 står kommunerne over for en kæmpe opgave med at boligplacere og integrere de nye flygtninge. Mange kommuner har måttet ty til midlertidige løsninger som pavilloner og containerbyer. Regeringen og KL har indgået en aftale om hurtigere boligplacering og et skarpere fokus på job fra dag ét. Men hvordan skal aftalen omsættes til praksis i kommunerne, og hvem betaler regningen?</p>
            <p>v/ udlændinge-, integrations- og boligminister Inger Støjberg (V) (ikke bekræftet) og Jørgen Ravn Lassen, borgmester, Vejle Kommune (V)</p>
            <p>(MØDESTED: Samuelsen, Bredgade 30, 1260 København K)</p>
          </td>
        </tr>
        <tr>
          <td>
            <p class="overskrift">Integrationsgrunduddannelsen – IGU som vej ind på arbejdsmarkedet</p>
            <p class="dato">Onsdag d. 13. april 2016 kl. 9.00–12.00</p>
            <p>Trepartsforhandlingerne om integration har ført til en ny integrationsgrunduddannelse, IGU, hvor flygtninge ansættes til elevløn og samtidig får undervisning. Arbejdsgiverne skal nu stille praktikpladser og jobs til rådighed. Hvordan sikrer vi, at IGU bliver en succes, og hvad skal der til for, at virksomhederne tager ansvar? Vi har inviteret begge sider af bordet.</p>
            <p>v/ Hanne Dyhr Clausen, næstformand, LO og Steen Holm Aagaard, arbejdsmarkedsdirektør, Dansk Arbejdsgiverforening</p>
            <p>(MØDESTED: Dansk Arbejdsgiverforening, Vester Voldgade 113, 1552 København V)</p>
          </td>
        </tr>
        <tr>
          <td>
            <p class="overskrift">Frivillige og integration – civilsamfundets rolle</p>
            <p class="dato">Torsdag d. 26. maj 2016 kl. 14.00-17.00</p>
            <p>I efteråret 2015 stod tusindvis af frivillige klar til at tage imod flygtningene, og nye bevægelser som Venligboerne spredte sig til hele landet. Hvordan kan kommunerne samarbejde med de frivillige uden at gøre dem til gratis arbejdskraft, og hvordan fastholdes engagementet, når opmærksomheden forsvinder? Mødet slutter med en sandwich og et glas vin.</p>
            <p>v/ Mette Kirstine Bang, generalsekretær, Dansk Flygtningehjælp, Nabil Saleh Hansen, projektleder, Venligboerne Aarhus og Lone Friis Kjeldsen, integrationschef, Gladsaxe Kommune</p>
            <p>(MØDESTED: Dansk Flygtningehjælp, Borgergade 10, 1300 København K)</p>
          </td>
        </tr>
        <tr>
          <td>
            <p class="overskrift">Sommermøde: Status på integrationsindsatsen</p>
            <p class="dato">Tirsdag d. 21. juni 2016 kl. 15.00-18.00 (datoen er foreløbig)</p>
            <p>Inden sommerferien gør vi status på et halvt års integrationspolitik: Hvordan virker de nye aftaler, og hvad bliver de store slagsmål i efteråret? To integrationsordførere giver deres bud, og bagefter er der grill i gården.</p>
            <p>v/ Pernille Skov Rasmussen, integrationsordfører (S) og Morten Marinus Dahl, integrationsordfører (DF)</p>
          </td>
        </tr>
      </table>

      <p><i>Der tages forbehold for ændringer i programmet. Det aktuelle program findes altid på www.samu.dk.</i></p>

      <p class="overskrift">Kontakt</p>
      <p>Har du spørgsmål til netværket eller ønsker du at blive medlem, er du velkommen til at kontakte netværksansvarlig Kasper Holm Bech på tlf. 33 32 71 14 eller <a href="mailto:khb@samu.dk">khb@samu.dk</a>.</p>
    </td>
    <td class="rightcol">
      <div class="boks">
        <p class="overskrift">Kommende arrangementer</p>
        <p><a href="/netvaerk/socialpolitisk-netvaerk.aspx">Kontanthjælpsloftet – et år efter</a><br />Tirsdag d. 15. marts 2016 kl. 9.00-12.00<br />Socialpolitisk netværk</p>
        <p><a href="/netvaerk/sundhedspolitisk-netvaerk.aspx">Akutmodtagelserne under pres</a><br />Onsdag d. 30. marts 2016<br />Sundhedspolitisk netværk</p>
        <p><a href="/netvaerk/beskaeftigelsespolitisk-netvaerk.aspx">Refusionsreformen i praksis</a><br />Torsdag d. 7. april 2016 kl. 9.00-12.00<br />Beskæftigelsespolitisk netværk</p>
        <p><a href="/netvaerk/se-alle.aspx">» Se alle arrangementer</a></p>
      </div>
      <div class="boks">
        <p class="overskrift">Nyhedsbrev</p>
        <p>Modtag Samuelsens nyhedsbrev om politik og public affairs.</p>
        <input name="ctl00$txtNewsletter" type="text" id="ctl00_txtNewsletter" value="Din e-mail" size="20" />
        <input type="submit" name="ctl00$btnNewsletter" value="Tilmeld" id="ctl00_btnNewsletter" />
      </div>
      <div class="boks">
        <p class="overskrift">Bliv medlem</p>
        <p>Et medlemskab af et netværk koster 18.000 kr. ekskl. moms årligt. Læs mere om vores <a href="/netvaerk.aspx">netværk</a>.</p>
      </div>
    </td>
  </tr>
  <tr>
    <td colspan="3" class="footer" align="center">
      <p>Samuelsen &middot; Bredgade 30 &middot; 1260 København K &middot; Tlf. 33 32 71 00 &middot; <a href="mailto:info@samu.dk">info@samu.dk</a><br />
      Kontoret er åbent mandag-fredag kl. 9.00-16.00 &middot; CVR 31 27 38 15 &middot; © Samuelsen 2016</p>
    </td>
  </tr>
</table>
</form>
</body>
</html>
