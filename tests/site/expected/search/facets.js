newsArchiveSearch.piece("facets",{"sources":["The Western Journal (AP)","Unnamed source"],"events":["Kim–Putin summit"],"first":"2019-04-25","last":"2019-04-25"});
