<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.8" tiledversion="1.8.2" name="no_image" tilewidth="32" tileheight="32" tilecount="56" columns="8">
 <image source="no_such_image.png" width="256" height="224"/>
</tileset>
