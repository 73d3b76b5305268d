newsArchiveSearch.piece("meta",{"format":1,"version":"2.3.9","fields":["title","headline","body","source","event","place"],"pipeline":["stemmer"],"docs":12,"bucket":8,"chunks":[""]});
