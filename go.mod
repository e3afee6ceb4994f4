module github.com/parallaxnews/parallax

go 1.26
