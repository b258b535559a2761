document.body.append("c")
